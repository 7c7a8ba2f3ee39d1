package io.rustydb.sql.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rustydb.common.ErrorCode;
import io.rustydb.common.RustyDbException;
import io.rustydb.persistence.KeyCodec;
import io.rustydb.persistence.KvIterator;
import io.rustydb.persistence.StorageEngine;
import io.rustydb.persistence.StorageTransaction;
import io.rustydb.persistence.Tablespace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The node's login roles, durable in the catalog's key space of the SYSTEM tablespace (object id
 * 0, keys {@code role/<name>}, one JSON document each) and cached in memory. Only the SCRAM-SHA-256
 * verifier of a password is stored. Thread-safe; changes are serialized.
 */
public final class RoleStore {
    /** The bootstrap administrator that exists from a node's first start. */
    public static final String BOOTSTRAP_ADMIN = "rustydb";
    /** Catalog keys live under object id 0 of the SYSTEM tablespace (see the catalog). */
    private static final int CATALOG_OBJECT = 0;
    private static final String ROLE_PREFIX = "role/";
    private static final int MAX_NAME_LENGTH = 63;

    private final StorageEngine storage;
    private final Tablespace system;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Role> roles = new ConcurrentHashMap<>();

    private RoleStore(StorageEngine storage) {
        this.storage = storage;
        this.system = storage.tablespace(StorageEngine.SYSTEM);
    }

    /** Reads every stored role. */
    public static RoleStore load(StorageEngine storage) {
        RoleStore store = new RoleStore(storage);
        store.readAll();
        return store;
    }

    private void readAll() {
        try (StorageTransaction txn = storage.begin();
                KvIterator it = txn.scan(system, key(""), KeyCodec.prefixEnd(key("")))) {
            while (it.next()) {
                Role role = decode(it.value());
                roles.put(role.name(), role);
            }
        }
    }

    public Optional<Role> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(roles.get(name));
    }

    /** Every role, by name. */
    public List<Role> all() {
        List<Role> all = new ArrayList<>(roles.values());
        all.sort(Comparator.comparing(Role::name));
        return all;
    }

    public boolean isEmpty() {
        return roles.isEmpty();
    }

    /**
     * Creates a role with the verifier of {@code password}; 42710 if it exists, 42602 for a name
     * PostgreSQL would not accept as a role name, 22023 for an empty password.
     */
    public synchronized Role create(String name, String password, boolean admin) {
        validateName(name);
        if (password == null || password.isEmpty()) {
            throw new RustyDbException(ErrorCode.INVALID_PARAMETER_VALUE, "password must not be empty");
        }
        if (roles.containsKey(name)) {
            throw new RustyDbException(ErrorCode.DUPLICATE_OBJECT, "role \"" + name + "\"");
        }
        Role role = new Role(name, ScramVerifier.create(password), admin, Instant.now());
        storage.put(system, key(name), encode(role));
        roles.put(name, role);
        return role;
    }

    /** Drops a role; 42704 if there is none of that name. The bootstrap administrator cannot be dropped. */
    public synchronized void drop(String name) {
        if (!roles.containsKey(name)) {
            throw new RustyDbException(ErrorCode.UNDEFINED_OBJECT, "role \"" + name + "\" does not exist");
        }
        if (BOOTSTRAP_ADMIN.equals(name)) {
            throw new RustyDbException(ErrorCode.OBJECT_IN_USE,
                    "role \"" + name + "\" is the bootstrap administrator and cannot be dropped");
        }
        storage.delete(system, key(name));
        roles.remove(name);
    }

    /**
     * The role if {@code password} is its password. An unknown name costs the same key derivation
     * as a wrong password, so response times do not tell which names exist.
     */
    public Optional<Role> authenticate(String name, String password) {
        Role role = name == null ? null : roles.get(name);
        if (role == null || password == null) {
            DECOY.matches(password == null ? "" : password);
            return Optional.empty();
        }
        return role.verifier().matches(password) ? Optional.of(role) : Optional.empty();
    }

    private static final ScramVerifier DECOY = ScramVerifier.create("decoy", new byte[ScramVerifier.SALT_LENGTH],
            ScramVerifier.DEFAULT_ITERATIONS);

    private static void validateName(String name) {
        if (name == null || name.isEmpty()) {
            throw new RustyDbException(ErrorCode.INVALID_NAME, "role name must not be empty");
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new RustyDbException(ErrorCode.INVALID_NAME,
                    "role name \"" + name + "\" is longer than " + MAX_NAME_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            if (Character.isISOControl(name.charAt(i))) {
                throw new RustyDbException(ErrorCode.INVALID_NAME, "role name must not contain control characters");
            }
        }
    }

    private byte[] encode(Role role) {
        try {
            return json.writeValueAsBytes(new StoredRole(role.name(), role.verifier().text(), role.admin(),
                    role.createdAt().toString()));
        } catch (JsonProcessingException e) {
            throw RustyDbException.wrap(ErrorCode.INTERNAL_ERROR, e, "cannot encode role: " + e.getMessage());
        }
    }

    private Role decode(byte[] bytes) {
        try {
            StoredRole stored = json.readValue(bytes, StoredRole.class);
            return new Role(stored.name(), ScramVerifier.parse(stored.password()), stored.admin(),
                    Instant.parse(stored.createdAt()));
        } catch (IOException | RuntimeException e) {
            throw RustyDbException.wrap(ErrorCode.INTERNAL_ERROR, e, "unreadable role in the catalog: " + e.getMessage());
        }
    }

    private static byte[] key(String name) {
        byte[] prefix = KeyCodec.objectPrefix(CATALOG_OBJECT);
        byte[] rest = (ROLE_PREFIX + name).getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[prefix.length + rest.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(rest, 0, out, prefix.length, rest.length);
        return out;
    }

    /** The stored JSON document: the verifier in PostgreSQL's rolpassword text form. */
    private record StoredRole(String name, String password, boolean admin, String createdAt) {
    }
}
