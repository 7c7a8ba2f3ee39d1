/** The node's entry point: command line, configuration loading and the root Guardian. */
package io.rustydb.server;
