package dev.partnerapps.company;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client address a throttle counts by (docs/throttling.md): an IPv4 address as it is, an IPv6
 * address by its /64 network, since one subscriber usually holds a whole /64 and could otherwise
 * step around a per-address limit.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(String remoteAddress) {
        if (remoteAddress == null || remoteAddress.isBlank()) {
            return "unknown";
        }
        if (remoteAddress.indexOf(':') < 0) {
            return remoteAddress;
        }
        try {
            // A literal is parsed, never looked up in DNS.
            byte[] bytes = InetAddress.getByName(remoteAddress).getAddress();
            if (bytes.length != 16) {
                return InetAddress.getByAddress(bytes).getHostAddress();
            }
            for (int i = 8; i < 16; i++) {
                bytes[i] = 0;
            }
            return InetAddress.getByAddress(bytes).getHostAddress() + "/64";
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
