package io.switchboard.core.network;

import static java.util.Objects.requireNonNull;

import io.switchboard.core.Nullable;
import java.util.ArrayList;
import java.util.List;

/**
 * The reverse proxies whose {@code X-Forwarded-For} header is believed, and the rule that finds the real client
 * address behind them. With {@link #NONE} the header is always ignored and the TCP peer is the client.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class TrustedProxies {
    /** Trusts no proxy: {@link #clientAddress} always returns the TCP peer. */
    public static final TrustedProxies NONE = new TrustedProxies(List.of());

    private final List<Cidr> cidrs;

    private TrustedProxies(List<Cidr> cidrs) {
        this.cidrs = cidrs;
    }

    /** Trusts every address in any of {@code cidrs}; an empty list is the same as {@link #NONE}. */
    public static TrustedProxies of(List<Cidr> cidrs) {
        requireNonNull(cidrs, "cidrs");
        return cidrs.isEmpty() ? NONE : new TrustedProxies(List.copyOf(cidrs));
    }

    /** The trusted ranges, unmodifiable. */
    public List<Cidr> cidrs() {
        return cidrs;
    }

    /** Whether {@code address} belongs to a trusted proxy. */
    public boolean isTrusted(IpAddress address) {
        requireNonNull(address, "address");
        for (Cidr cidr : cidrs) {
            if (cidr.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The client address of a connection from {@code peer} that carried the given {@code X-Forwarded-For} header
     * lines. Each proxy appends the address it received the request from, so the list reads client first, nearest
     * proxy last, and only the entries written by trusted proxies can be believed:
     *
     * <ol>
     *   <li>If {@code peer} is not trusted, the headers are ignored (anyone can send them) and {@code peer} is the
     *       client.
     *   <li>Otherwise the header lines are joined in order and split on {@code ','}, and each entry is trimmed.
     *   <li>The entries are walked right to left. A trusted entry is another proxy and is skipped; the first
     *       untrusted entry is the client.
     *   <li>If an entry is not an IP literal (garbage, a host name, a port, empty), the walk stops and the last
     *       address walked is returned: the proxy that wrote the garbage, or {@code peer}. Garbage is never trusted.
     *   <li>If every entry is trusted, the left-most entry is returned; with no entries, {@code peer}.
     * </ol>
     *
     * <p>For example, with {@code 10.0.0.0/8} trusted, peer {@code 10.0.0.1} and header {@code "1.2.3.4, 10.0.0.2"}
     * the client is {@code 1.2.3.4}, and with header {@code "spoofed, 5.6.7.8"} it is {@code 5.6.7.8}.
     *
     * @param forwardedForHeaders the values of every {@code X-Forwarded-For} header line, in the order received;
     *     empty when there is none
     */
    public IpAddress clientAddress(IpAddress peer, List<String> forwardedForHeaders) {
        requireNonNull(peer, "peer");
        requireNonNull(forwardedForHeaders, "forwardedForHeaders");
        if (!isTrusted(peer) || forwardedForHeaders.isEmpty()) {
            return peer;
        }
        List<String> entries = entries(forwardedForHeaders);
        IpAddress walked = peer;
        for (int i = entries.size() - 1; i >= 0; i--) {
            @Nullable IpAddress entry = IpAddress.parse(entries.get(i));
            if (entry == null) {
                return walked;
            }
            walked = entry;
            if (!isTrusted(entry)) {
                return entry;
            }
        }
        return walked;
    }

    @Override
    public String toString() {
        return "TrustedProxies" + cidrs;
    }

    private static List<String> entries(List<String> headerLines) {
        List<String> entries = new ArrayList<>();
        for (String line : headerLines) {
            for (String entry : Tokens.split(line, ',')) {
                entries.add(entry.strip());
            }
        }
        return entries;
    }
}
