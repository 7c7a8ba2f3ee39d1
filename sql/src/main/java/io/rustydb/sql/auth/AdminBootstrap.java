package io.rustydb.sql.auth;

import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the bootstrap administrator {@value RoleStore#BOOTSTRAP_ADMIN} on a node's first start.
 * Its password comes from the environment variable {@value #PASSWORD_ENV}; without it a random
 * password is generated once, written to {@code <data_dir>/secrets/admin_password} (mode 600, in
 * a directory of mode 700) and printed once on the console. Later starts change nothing.
 */
public final class AdminBootstrap {
    /** Environment variable holding the bootstrap administrator's initial password. */
    public static final String PASSWORD_ENV = "RUSTYDB_ADMIN_PASSWORD";
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    private static final int GENERATED_BYTES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    private AdminBootstrap() {
    }

    /** Where a generated password is kept. */
    public static Path secretFile(Path dataDir) {
        return dataDir.resolve("secrets").resolve("admin_password");
    }

    /**
     * Ensures the bootstrap administrator exists.
     *
     * @param envPassword the value of {@value #PASSWORD_ENV}, or null if unset
     * @param console where a generated password is printed (once)
     */
    public static void ensure(RoleStore roles, Path dataDir, String envPassword, PrintStream console) {
        if (roles.find(RoleStore.BOOTSTRAP_ADMIN).isPresent()) {
            return;
        }
        if (envPassword != null && !envPassword.isEmpty()) {
            roles.create(RoleStore.BOOTSTRAP_ADMIN, envPassword, true);
            LOG.info("Bootstrap administrator \"{}\" created with the password from {}", RoleStore.BOOTSTRAP_ADMIN,
                    PASSWORD_ENV);
            return;
        }
        Path file = secretFile(dataDir);
        String password;
        boolean generated = false;
        try {
            if (Files.isRegularFile(file)) {
                // written by an earlier start that stopped before the role was stored
                password = Files.readString(file, StandardCharsets.UTF_8).strip();
            } else {
                password = generate();
                write(file, password);
                generated = true;
            }
        } catch (IOException e) {
            throw RustyDbException.wrap(ErrorCode.IO_ERROR, e,
                    "cannot write the administrator password to \"" + file + "\": " + e.getMessage());
        }
        roles.create(RoleStore.BOOTSTRAP_ADMIN, password, true);
        LOG.info("Bootstrap administrator \"{}\" created; its password is in {}", RoleStore.BOOTSTRAP_ADMIN, file);
        if (generated) {
            console.println("*** RustyDB bootstrap administrator \"" + RoleStore.BOOTSTRAP_ADMIN
                    + "\" created with the generated password: " + password);
            console.println("*** It is kept in " + file + " (mode 600) and will not be printed again.");
            console.flush();
        }
    }

    private static String generate() {
        byte[] bytes = new byte[GENERATED_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path file, String password) throws IOException {
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path dir = file.getParent();
        if (!Files.isDirectory(dir)) {
            if (posix) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(dir);
            }
        }
        Path temp = dir.resolve(file.getFileName() + ".tmp");
        Files.deleteIfExists(temp);
        if (posix) {
            Files.createFile(temp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(temp);
        }
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
    }
}
