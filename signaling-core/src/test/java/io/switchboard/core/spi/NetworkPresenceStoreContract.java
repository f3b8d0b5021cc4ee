package io.switchboard.core.spi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.switchboard.core.id.AppId;
import io.switchboard.core.id.NodeId;
import io.switchboard.core.id.SessionId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every {@link NetworkPresenceStore} must have; one subclass per backend. Each test works in network
 * groups of its own (random network keys), so backends may share one server between tests.
 */
public abstract class NetworkPresenceStoreContract {
    private static final AppId APP = new AppId("contract");
    private static final NodeId N1 = new NodeId("n1");
    private static final NodeId N2 = new NodeId("n2");

    private final NetworkGroup group = newGroup();

    /** The store to test. */
    protected abstract NetworkPresenceStore store();

    @Test
    void entriesAreListedInJoinOrder() {
        add(group, entry("a", N1));
        add(group, entry("b", N2));
        add(group, entry("c", N1));
        assertEquals(List.of(entry("a", N1), entry("b", N2), entry("c", N1)), list(group));
    }

    @Test
    void aGroupNobodyJoinedIsEmpty() {
        assertEquals(List.of(), list(newGroup()));
    }

    @Test
    void groupsOfOtherNetworksAndOtherAppsAreSeparate() {
        NetworkGroup otherApp = new NetworkGroup(new AppId("contract-other"), group.networkKey());
        NetworkGroup otherNetwork = newGroup();
        add(group, entry("a", N1));
        add(otherApp, entry("b", N1));
        add(otherNetwork, entry("c", N1));
        assertEquals(List.of(entry("a", N1)), list(group));
        assertEquals(List.of(entry("b", N1)), list(otherApp));
        assertEquals(List.of(entry("c", N1)), list(otherNetwork));
    }

    @Test
    void addingASessionAgainKeepsItsPlaceAndTakesTheNewFields() {
        add(group, entry("a", N1));
        add(group, entry("b", N1));
        PresenceEntry renamed = new PresenceEntry(new SessionId("a"), N2, "Alice", true);
        add(group, renamed);
        assertEquals(List.of(renamed, entry("b", N1)), list(group));
    }

    @Test
    void renameChangesOnlyTheNameAndKeepsThePlace() {
        add(group, entry("a", N1));
        add(group, entry("b", N2));
        assertTrue(await(store().rename(group, new SessionId("a"), "Alice")));
        assertEquals(List.of(entry("a", N1).withName("Alice"), entry("b", N2)), list(group));
    }

    @Test
    void pairingAndUnpairingFlipOnlyTheFlag() {
        add(group, entry("a", N1));
        add(group, entry("b", N2));
        assertTrue(await(store().setPaired(group, new SessionId("b"), true)));
        assertEquals(List.of(entry("a", N1), entry("b", N2).withPaired(true)), list(group));
        assertTrue(await(store().setPaired(group, new SessionId("b"), false)));
        assertEquals(List.of(entry("a", N1), entry("b", N2)), list(group));
    }

    @Test
    void updatesOfAMissingSessionChangeNothingAndNeverBringItBack() {
        add(group, entry("a", N1));
        add(group, entry("gone", N1));
        assertTrue(await(store().remove(group, new SessionId("gone"))));
        assertFalse(await(store().rename(group, new SessionId("gone"), "Ghost")));
        assertFalse(await(store().setPaired(group, new SessionId("gone"), true)));
        assertFalse(await(store().rename(newGroup(), new SessionId("a"), "Nowhere")));
        assertEquals(List.of(entry("a", N1)), list(group));
    }

    @Test
    void removeDropsOnlyThatSessionAndSaysWhetherItWasThere() {
        add(group, entry("a", N1));
        add(group, entry("b", N1));
        assertTrue(await(store().remove(group, new SessionId("a"))));
        assertFalse(await(store().remove(group, new SessionId("a"))));
        assertFalse(await(store().remove(newGroup(), new SessionId("b"))));
        assertEquals(List.of(entry("b", N1)), list(group));
    }

    @Test
    void aGroupEmptiedAndJoinedAgainStartsAFreshOrder() {
        add(group, entry("a", N1));
        await(store().remove(group, new SessionId("a")));
        assertEquals(List.of(), list(group));
        add(group, entry("b", N1));
        add(group, entry("a", N1));
        assertEquals(List.of(entry("b", N1), entry("a", N1)), list(group));
    }

    @Test
    void removeNodeDropsTheEntriesOfThatNodeOnly() {
        add(group, entry("a", N1));
        add(group, entry("b", N2));
        add(group, entry("c", N2));
        add(group, entry("d", N1));
        assertEquals(2, await(store().removeNode(group, N2)));
        assertEquals(List.of(entry("a", N1), entry("d", N1)), list(group));
        assertEquals(0, await(store().removeNode(group, N2)));
        assertEquals(2, await(store().removeNode(group, N1)));
        assertEquals(List.of(), list(group));
    }

    @Test
    void idsNodesAndNamesWithSeparatorsAndNonAsciiLettersSurviveTheRoundTrip() {
        PresenceEntry odd =
                new PresenceEntry(new SessionId("m:x|1 n:y"), new NodeId("node|1|0|:{z}"), "Zoë 李 |1|", true);
        PresenceEntry plain = entry("n:m:x|1 n:y", N1);
        add(group, odd);
        add(group, plain);
        assertTrue(await(store().setPaired(group, odd.id(), false)));
        assertTrue(await(store().rename(group, odd.id(), "Ünal 1|0")));
        assertEquals(List.of(odd.withPaired(false).withName("Ünal 1|0"), plain), list(group));
        assertEquals(1, await(store().removeNode(group, odd.node())));
        assertEquals(List.of(plain), list(group));
    }

    @Test
    void concurrentAddsAreAllKeptEachOnce() {
        List<CompletableFuture<Void>> adds = new ArrayList<>();
        IntStream.range(0, 50).parallel().forEach(i -> {
            CompletableFuture<Void> added =
                    store().add(group, entry("s" + i, N1)).toCompletableFuture();
            synchronized (adds) {
                adds.add(added);
            }
        });
        CompletableFuture.allOf(adds.toArray(CompletableFuture[]::new)).join();
        List<PresenceEntry> listed = list(group);
        assertEquals(50, listed.size());
        assertEquals(50, new HashSet<>(listed).size());
    }

    private void add(NetworkGroup target, PresenceEntry entry) {
        await(store().add(target, entry));
    }

    private List<PresenceEntry> list(NetworkGroup target) {
        return await(store().list(target));
    }

    private static NetworkGroup newGroup() {
        return new NetworkGroup(APP, "net-" + UUID.randomUUID());
    }

    private static PresenceEntry entry(String id, NodeId node) {
        return new PresenceEntry(new SessionId(id), node, "name-" + id, false);
    }

    private static <T> T await(CompletionStage<T> stage) {
        return stage.toCompletableFuture().join();
    }
}
