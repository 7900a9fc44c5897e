/**
 * A three-master Redis Cluster on loopback ports, started by the test itself (`redis-server
 * --cluster-enabled yes` + `redis-cli --cluster create`), so the pipeline is tested on real slots and
 * redirections without any outside set-up.
 */

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { eventually } from './eventually.js';
import { freePort, rawCommand, startRedisServer, type RedisServerHandle } from './redis-server.js';

const run = promisify(execFile);

export interface RedisClusterHandle {
  /** Seed list for `REDIS_CLUSTER_NODES`: `127.0.0.1:P1,127.0.0.1:P2,127.0.0.1:P3`. */
  readonly nodes: string;
  readonly ports: readonly number[];
  /** Kills the three nodes and removes their directory; safe to call twice. */
  stop(): Promise<void>;
}

/** `count` distinct ports P with P and P + 10000 (its cluster bus) free, all below the ephemeral range. */
async function clusterPorts(count: number): Promise<number[]> {
  const ports: number[] = [];
  while (ports.length < count) {
    const port = await freePort(12_000, 22_000, [10_000]);
    if (!ports.includes(port)) ports.push(port);
  }
  return ports;
}

/**
 * Starts the cluster and resolves once every node reports `cluster_state:ok`. Always call `stop()`
 * (afterAll), also when this rejects after starting some nodes: it then cleans up itself.
 *
 * @example
 * const cluster = await startRedisCluster();
 * const server = await spawnServer({ REDIS_CLUSTER_NODES: cluster.nodes, ... });
 */
export async function startRedisCluster(attempts = 3): Promise<RedisClusterHandle> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce();
    } catch (error) {
      // A port taken between the check and the bind: try other ports.
      if (attempt >= attempts || !String(error).includes('Address already in use')) throw error;
    }
  }
}

async function startOnce(): Promise<RedisClusterHandle> {
  const dir = mkdtempSync(join(tmpdir(), 'redis-cluster-'));
  const servers: RedisServerHandle[] = [];
  const stop = async (): Promise<void> => {
    await Promise.all(servers.map((server) => server.dispose()));
    servers.length = 0;
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    const ports = await clusterPorts(3);
    for (const port of ports) {
      servers.push(
        await startRedisServer({
          port,
          dir,
          extraArgs: ['--cluster-enabled', 'yes', '--cluster-config-file', join(dir, `nodes-${port}.conf`), '--cluster-node-timeout', '5000'],
        }),
      );
    }
    const addresses = ports.map((port) => `127.0.0.1:${port}`);
    await run('redis-cli', ['--cluster', 'create', ...addresses, '--cluster-replicas', '0', '--cluster-yes'], { timeout: 20_000 });
    await eventually(async () => {
      const infos = await Promise.all(ports.map((port) => rawCommand(port, 'CLUSTER INFO')));
      return infos.every((info) => info.includes('cluster_state:ok'));
    }, 15_000, 50);
    return { nodes: addresses.join(','), ports, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
