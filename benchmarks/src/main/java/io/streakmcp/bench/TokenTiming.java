package io.streakmcp.bench;

import io.streakmcp.runtime.servers.Account;
import io.streakmcp.runtime.servers.ApiKeyCipher;
import io.streakmcp.runtime.servers.Database;
import io.streakmcp.runtime.servers.PlatformTokens;
import io.streakmcp.runtime.servers.ServerConfig;
import io.streakmcp.runtime.servers.ServerStore;
import io.streakmcp.runtime.servers.Tokens;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whether a wrong token's lookup time says how close it came. An attacker who could tell a token
 * that shares its first bytes with a real one from a random one could find a real token byte by
 * byte. Each pair here is the same lookup with a near miss (the real token with its last or its
 * first character changed) and with a random token; their times should not differ beyond noise. URL
 * tokens are hashed before the indexed lookup, platform tokens are hashed and compared with every
 * configured one in constant time.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class TokenTiming {
  /** Servers in the store, so the lookup walks a real index rather than a one-row table. */
  private static final int SERVERS = 2_000;

  private Database db;
  private ServerStore store;
  private String urlToken;
  private String urlLastDiffers;
  private String urlFirstDiffers;
  private String urlRandom;
  private PlatformTokens platform;
  private String platformLastDiffers;
  private String platformFirstDiffers;
  private String platformRandom;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    db = Database.open("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    store = new ServerStore(db.dataSource(), new ApiKeyCipher(new byte[32]), Clock.systemUTC());
    Account account = store.createAccount("Timing", "streak-api-key-for-the-timing-benchmark");
    ServerConfig config = new ServerConfig(List.of("read"), List.of(), false);
    for (int i = 0; i < SERVERS; i++) {
      String token = store.createServer(account.id(), "s" + i, config, null).token();
      if (i == SERVERS / 2) {
        urlToken = token;
      }
    }
    urlLastDiffers = changeAt(urlToken, urlToken.length() - 1);
    urlFirstDiffers = changeAt(urlToken, 0);
    urlRandom = Tokens.generate();

    String real = Tokens.generate();
    platform = PlatformTokens.of(Tokens.generate() + "," + real + "," + Tokens.generate());
    platformLastDiffers = "Bearer " + changeAt(real, real.length() - 1);
    platformFirstDiffers = "Bearer " + changeAt(real, 0);
    platformRandom = "Bearer " + Tokens.generate();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    db.close();
  }

  private static String changeAt(String token, int i) {
    char c = token.charAt(i) == 'A' ? 'B' : 'A';
    return token.substring(0, i) + c + token.substring(i + 1);
  }

  @Benchmark
  public Optional<ServerStore.Resolved> urlTokenExact() throws Exception {
    return store.findByToken(urlToken);
  }

  @Benchmark
  public Optional<ServerStore.Resolved> urlTokenLastCharDiffers() throws Exception {
    return store.findByToken(urlLastDiffers);
  }

  @Benchmark
  public Optional<ServerStore.Resolved> urlTokenFirstCharDiffers() throws Exception {
    return store.findByToken(urlFirstDiffers);
  }

  @Benchmark
  public Optional<ServerStore.Resolved> urlTokenRandom() throws Exception {
    return store.findByToken(urlRandom);
  }

  @Benchmark
  public boolean platformTokenLastCharDiffers() {
    return platform.allows(platformLastDiffers);
  }

  @Benchmark
  public boolean platformTokenFirstCharDiffers() {
    return platform.allows(platformFirstDiffers);
  }

  @Benchmark
  public boolean platformTokenRandom() {
    return platform.allows(platformRandom);
  }
}
