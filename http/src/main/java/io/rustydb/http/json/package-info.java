/** JSON rendering of the REST API: the success envelope, the error envelope and HTTP statuses. */
package io.rustydb.http.json;
