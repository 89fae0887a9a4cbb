package dev.partnerapps.system;

import java.security.Provider;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.Security;
import java.util.Map;

/**
 * Makes the JVM's default {@link SecureRandom} one DRBG per thread, instead of one instance shared
 * by every thread behind a lock (docs/operations.md, "the tail at 32 connections").
 *
 * <p>Every token takes three random values: its {@code jti} and the id of its authorization, both
 * from {@code UUID.randomUUID()} inside Spring Authorization Server, and the ECDSA nonce of its
 * signature. The JDK draws all three from one default generator per JVM, and reading it takes a
 * lock (NativePRNG also reads {@code /dev/urandom} while holding it). With more busy threads than
 * cores, a thread is often descheduled while it holds that lock, and every other token waits for
 * it: Flight Recorder showed waits of 5 ms on average and up to 32 ms, over a thousand a minute.
 *
 * <p>This provider, first in the provider list, becomes what {@code new SecureRandom()} returns
 * (so what {@code UUID} and the JDK's signature code use). It is marked thread-safe, so
 * {@code SecureRandom} takes no lock of its own, and each thread draws from its own
 * {@code DRBG} instance (NIST SP 800-90A Hash_DRBG, the JDK's own), seeded by the JDK as any new
 * instance is. No random algorithm is written here: only where the JDK's generator lives.
 * Algorithms asked for by name ({@code SecureRandom.getInstance("NativePRNG")},
 * {@code getInstanceStrong()}) are unchanged.
 */
public final class PerThreadSecureRandom {

    static final String PROVIDER_NAME = "PartnerAppsPerThreadRandom";
    static final String ALGORITHM = "PerThreadDRBG";

    private PerThreadSecureRandom() {
    }

    /**
     * Installs the provider first in the list, once. The application class calls it as it is
     * loaded, before Spring starts: a class that keeps a default generator it took earlier (as
     * {@code UUID} does) keeps that one.
     */
    public static synchronized void install() {
        if (Security.getProvider(PROVIDER_NAME) == null) {
            Security.insertProviderAt(new RandomProvider(), 1);
        }
    }

    private static final class RandomProvider extends Provider {

        RandomProvider() {
            super(PROVIDER_NAME, "1.0", "The default SecureRandom as one JDK DRBG per thread");
            putService(new Service(this, "SecureRandom", ALGORITHM, Spi.class.getName(), null,
                    Map.of("ThreadSafe", "true")) {
                @Override
                public Object newInstance(Object parameter) {
                    return new Spi();
                }
            });
        }
    }

    /** Hands every call to the calling thread's own DRBG. */
    static final class Spi extends SecureRandomSpi {

        private static final ThreadLocal<SecureRandom> PER_THREAD = ThreadLocal.withInitial(Spi::newDrbg);

        private static SecureRandom newDrbg() {
            try {
                return SecureRandom.getInstance("DRBG");
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("The JDK has no DRBG", e);
            }
        }

        @Override
        protected void engineSetSeed(byte[] seed) {
            PER_THREAD.get().setSeed(seed);
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            PER_THREAD.get().nextBytes(bytes);
        }

        @Override
        protected byte[] engineGenerateSeed(int numBytes) {
            return PER_THREAD.get().generateSeed(numBytes);
        }
    }
}
