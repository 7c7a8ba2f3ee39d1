package io.rustydb.sql.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rustydb.common.RustyDbException;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageSettings;
import io.rustydb.persistence.WalSyncMode;
import io.rustydb.sql.SqlEngine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoleStoreTest {
    @TempDir
    Path dir;

    private StorageEngine open() {
        return StorageEngine.open(new StorageSettings(dir, 8192, 8 << 20, WalSyncMode.OFF, Duration.ofSeconds(5)));
    }

    @Test
    void rolesSurviveARestartAsVerifiersOnly() {
        try (StorageEngine storage = open()) {
            RoleStore roles = RoleStore.load(storage);
            roles.create("alice", "wonderland", false);
            roles.create("root", "s3cret", true);
            RustyDbException duplicate = assertThrows(RustyDbException.class,
                    () -> roles.create("alice", "again", false));
            assertEquals("42710", duplicate.sqlState());
        }
        try (StorageEngine storage = open()) {
            RoleStore roles = RoleStore.load(storage);
            assertEquals(List.of("alice", "root"), roles.all().stream().map(Role::name).toList());
            assertTrue(roles.authenticate("alice", "wonderland").isPresent());
            assertFalse(roles.authenticate("alice", "Wonderland").isPresent());
            assertFalse(roles.authenticate("nobody", "wonderland").isPresent());
            assertTrue(roles.find("root").orElseThrow().admin());
            assertFalse(roles.find("alice").orElseThrow().admin());
            roles.drop("alice");
        }
        try (StorageEngine storage = open()) {
            RoleStore roles = RoleStore.load(storage);
            assertEquals(List.of("root"), roles.all().stream().map(Role::name).toList());
        }
    }

    @Test
    void rolesDoNotDisturbTheCatalog() {
        try (StorageEngine storage = open()) {
            RoleStore.load(storage).create("alice", "wonderland", false);
            SqlEngine engine = SqlEngine.start(storage);
            engine.close();
        }
    }

    @Test
    void bootstrapAdminFromTheEnvironment() {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (StorageEngine storage = open()) {
            RoleStore roles = RoleStore.load(storage);
            AdminBootstrap.ensure(roles, dir, "from-env", new PrintStream(console, true, StandardCharsets.UTF_8));
            assertTrue(roles.authenticate(RoleStore.BOOTSTRAP_ADMIN, "from-env").orElseThrow().admin());
        }
        assertFalse(Files.exists(AdminBootstrap.secretFile(dir)), "no secret file when the password came from the environment");
        assertEquals("", console.toString(StandardCharsets.UTF_8), "an environment password is never printed");
    }

    @Test
    void bootstrapAdminWithAGeneratedPasswordPrintedOnce() throws Exception {
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(console, true, StandardCharsets.UTF_8);
        Path secret = AdminBootstrap.secretFile(dir);
        String password;
        try (StorageEngine storage = open()) {
            RoleStore roles = RoleStore.load(storage);
            AdminBootstrap.ensure(roles, dir, null, out);
            password = Files.readString(secret).strip();
            assertTrue(password.length() >= 32, password);
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(secret.getParent())));
            assertTrue(console.toString(StandardCharsets.UTF_8).contains(password), "printed on first start");
            String stored = roles.find(RoleStore.BOOTSTRAP_ADMIN).orElseThrow().verifier().text();
            assertFalse(stored.contains(password));
        }
        console.reset();
        try (StorageEngine storage = open()) {
            RoleStore roles = RoleStore.load(storage);
            AdminBootstrap.ensure(roles, dir, "ignored-after-first-start", out);
            assertTrue(roles.authenticate(RoleStore.BOOTSTRAP_ADMIN, password).isPresent());
            assertFalse(roles.authenticate(RoleStore.BOOTSTRAP_ADMIN, "ignored-after-first-start").isPresent());
        }
        assertEquals("", console.toString(StandardCharsets.UTF_8), "printed only once");
        assertEquals(password, Files.readString(secret).strip(), "generated only once");
    }

    @Test
    void bootstrapAdminCannotBeDropped() {
        try (StorageEngine storage = open()) {
            RoleStore roles = RoleStore.load(storage);
            AdminBootstrap.ensure(roles, dir, "pw", System.out);
            assertEquals("55006", assertThrows(RustyDbException.class,
                    () -> roles.drop(RoleStore.BOOTSTRAP_ADMIN)).sqlState());
            assertEquals("42704", assertThrows(RustyDbException.class, () -> roles.drop("ghost")).sqlState());
            assertNotEquals(0, roles.all().size());
        }
    }
}
