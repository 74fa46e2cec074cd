import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';

import type { LocalNeo4jConfig } from '../config';
import { PrerequisiteError } from '../errors';
import type { Logger } from '../logger';

/** A Neo4j Community server running in a child JVM (see neo4j-local/), reachable over Bolt on 127.0.0.1. */
export interface LocalNeo4j {
  uri: string;
  port: number;
  pid: number;
  dataDir: string;
  /** Sends SIGTERM and waits for a clean shutdown (SIGKILL after 30 s). Safe to call twice. */
  stop(): Promise<void>;
  /** Settles when the JVM has exited, for whatever reason (stop() or a crash), with how it ended. */
  exited: Promise<LocalExit>;
}

/** How a local Neo4j process ended: its exit code or the signal that killed it, and its last lines of output. */
export interface LocalExit {
  code: number | null;
  signal: NodeJS.Signals | null;
  lastOutput: string[];
}

const READY = /^NEO4J_LOCAL_READY (bolt:\/\/\S+)/;
const WAYS_OUT =
  'Either install JDK 17+ and Maven, or run everything with Docker (`docker compose up`), ' +
  'or point the API at a Neo4j you already have (NEO4J_URI=bolt://host:7687, or neo4j+s://... for Aura).';

function javaBinary(javaHome?: string): string {
  return javaHome ? path.join(javaHome, 'bin', 'java') : 'java';
}

/** The major version of the Java that would run, or a PrerequisiteError that says how to get one. */
export function checkJava(javaHome?: string): number {
  const bin = javaBinary(javaHome);
  const probe = spawnSync(bin, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    const where = javaHome ? `JAVA_HOME=${javaHome} has no working bin/java` : 'no `java` on PATH';
    throw new PrerequisiteError(`Java 17 or newer is needed to run the bundled local Neo4j, but ${where}. ${WAYS_OUT}`);
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr ?? '');
  const major = match ? (match[1] === '1' ? Number(match[2]) : Number(match[1])) : 0;
  if (major < 17) {
    throw new PrerequisiteError(
      `Java 17 or newer is needed to run the bundled local Neo4j, but ${bin} is Java ${major || 'of unknown version'}. ${WAYS_OUT}`,
    );
  }
  return major;
}

/** Hash of everything that goes into the launcher jar, so a changed pom or source rebuilds it. */
function launcherFingerprint(projectDir: string): string {
  const hash = crypto.createHash('sha256');
  const files = ['pom.xml', path.join('src', 'main', 'java', 'atlas', 'neo4j', 'LocalNeo4j.java')];
  for (const file of files) hash.update(fs.readFileSync(path.join(projectDir, file)));
  return hash.digest('hex');
}

/**
 * Builds neo4j-local/target/neo4j-local.jar with Maven unless an up-to-date one is there already. The first build
 * downloads Neo4j from Maven Central (about 120 MB), later ones are cached.
 */
export function ensureLauncherJar(rootDir: string, logger: Logger, javaHome?: string): string {
  const projectDir = path.join(rootDir, 'neo4j-local');
  const jar = path.join(projectDir, 'target', 'neo4j-local.jar');
  const stamp = path.join(projectDir, 'target', 'fingerprint.txt');
  const fingerprint = launcherFingerprint(projectDir);
  if (fs.existsSync(jar) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === fingerprint) return jar;

  const mvnProbe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (mvnProbe.error || mvnProbe.status !== 0) {
    throw new PrerequisiteError(
      `Maven (\`mvn\` on PATH) is needed once to fetch Neo4j for the bundled local database, but it was not found. ${WAYS_OUT}`,
    );
  }
  logger.info('building the local Neo4j launcher with Maven (the first time this downloads Neo4j, ~120 MB)');
  const started = Date.now();
  const build = spawnSync('mvn', ['-q', '-B', 'package', '-DskipTests'], {
    cwd: projectDir,
    encoding: 'utf8',
    env: javaHome ? { ...process.env, JAVA_HOME: javaHome } : process.env,
  });
  if (build.status !== 0) {
    const output = `${build.stdout ?? ''}${build.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
    throw new PrerequisiteError(
      `Building the local Neo4j launcher failed (mvn -q package in neo4j-local/):\n${output}\n${WAYS_OUT}`,
    );
  }
  fs.writeFileSync(stamp, fingerprint);
  logger.info({ seconds: Math.round((Date.now() - started) / 100) / 10 }, 'local Neo4j launcher built');
  return jar;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** "code 3" or "signal SIGKILL": how a process ended, for log lines and errors. */
export function describeExit(code: number | null, signal: NodeJS.Signals | null): string {
  return signal ? `signal ${signal}` : `code ${code}`;
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

/** When our process ends for any reason, no JVM we started may outlive it. */
function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const child of running) child.kill('SIGTERM');
  });
}

/**
 * Starts Neo4j in a child JVM and resolves once Bolt accepts connections. The child also exits by itself when our
 * process dies without cleaning up (its stdin closes), so no orphan JVM is ever left behind.
 */
export async function startLocalNeo4j(
  config: LocalNeo4jConfig,
  rootDir: string,
  logger: Logger,
  timeoutMs: number,
): Promise<LocalNeo4j> {
  checkJava(config.javaHome);
  const jar = ensureLauncherJar(rootDir, logger, config.javaHome);
  const port = config.port === 0 ? await freePort() : config.port;
  if (await portInUse(port)) {
    throw new PrerequisiteError(
      `Port ${port} on 127.0.0.1 is already in use, so the local Neo4j cannot listen there. ` +
        `If that is a Neo4j you started, use it with NEO4J_URI=bolt://127.0.0.1:${port}; otherwise choose another port with NEO4J_LOCAL_PORT.`,
    );
  }
  fs.mkdirSync(config.dataDir, { recursive: true });

  // Out of memory, a JVM limps on with broken threads; exiting lets whoever supervises it start a sound one.
  const args = [
    `-Xmx${config.heap}`,
    '-XX:+UseG1GC',
    '-XX:+ExitOnOutOfMemoryError',
    '-jar',
    jar,
    '--data',
    config.dataDir,
    '--port',
    String(port),
    '--pagecache',
    config.pageCache,
    '--exit-on-stdin-eof',
    'true',
  ];
  const started = Date.now();
  // Its own process group: Ctrl+C in a terminal signals the whole foreground group, and a JVM that stopped by itself
  // would look like a crash to the supervisor and be restarted during our own shutdown. We stop it ourselves instead.
  const child = spawn(javaBinary(config.javaHome), args, { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
  running.add(child);
  installExitHook();

  const tail: string[] = [];
  const remember = (line: string) => {
    tail.push(line);
    if (tail.length > 20) tail.shift();
  };
  readline.createInterface({ input: child.stderr }).on('line', (line) => {
    remember(line);
    logger.debug({ neo4jLocal: true }, line);
  });
  const stdout = readline.createInterface({ input: child.stdout });

  const exited = new Promise<LocalExit>((resolve) =>
    child.once('exit', (code, signal) => {
      running.delete(child);
      resolve({ code, signal, lastOutput: [...tail] });
    }),
  );

  const uri = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new PrerequisiteError(
          `The local Neo4j did not become ready within ${Math.round(timeoutMs / 1000)} s. Last output:\n${tail.join('\n')}`,
        ),
      );
    }, timeoutMs);
    stdout.on('line', (line) => {
      const ready = READY.exec(line);
      if (ready) {
        clearTimeout(timer);
        resolve(ready[1]);
      } else {
        remember(line);
        logger.debug({ neo4jLocal: true }, line);
      }
    });
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(
        new PrerequisiteError(
          `The local Neo4j exited (${describeExit(code, signal)}) before it was ready. Last output:\n${tail.join('\n')}`,
        ),
      );
    });
  });
  logger.info(
    { uri, pid: child.pid, seconds: Math.round((Date.now() - started) / 100) / 10, dataDir: config.dataDir },
    'local Neo4j is ready',
  );

  let stopping: Promise<void> | undefined;
  return {
    uri,
    port,
    pid: child.pid!,
    dataDir: config.dataDir,
    exited,
    stop() {
      stopping ??= (async () => {
        if (child.exitCode !== null || child.signalCode !== null) return;
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 30000);
        await exited;
        clearTimeout(timer);
        logger.info('local Neo4j stopped');
      })();
      return stopping;
    },
  };
}
