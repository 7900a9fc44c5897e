import type { Redis, Cluster } from 'ioredis';

/**
 * The Lua scripts that make each step atomic. Each touches the keys of one conversation only (one hash slot).
 * The lease check at the top of every write is the fencing: a worker that lost its lease writes nothing.
 */

/** Stores the messages whose seen key is new; KEYS[2..last] are the seen keys, ARGV[i] the message of KEYS[i]. */
const storeNew = (last: string) => `
local added = 0
for i = 2, ${last} do
  if redis.call('SET', KEYS[i], '1', 'NX', 'EX', ARGV[1]) then
    redis.call('RPUSH', KEYS[1], ARGV[i])
    added = added + 1
  end
end
if added > 0 then redis.call('EXPIRE', KEYS[1], ARGV[1]) end`;

/** KEYS: inbox, seen keys…  ARGV: dedup window (s), then one JSON message per seen key. Returns how many were new. */
const accept = `${storeNew('#KEYS')}
return added`;

/**
 * The same plus the work ticket, for a single server, where one script may touch keys of any slot.
 * KEYS: inbox, seen keys…, work stream.  ARGV: dedup window (s), one JSON message per seen key, conversation key.
 */
const acceptAndAnnounce = `${storeNew('#KEYS - 1')}
redis.call('XADD', KEYS[#KEYS], '*', 'c', ARGV[#ARGV])
return added`;

/**
 * KEYS: lease, inbox, outbox, conversation, memory.  ARGV: token, lease ms. Takes the lease if free and returns what
 * the turn reads first (pending outbox items, the inbox head, the stored conversation, and the user's memory when
 * there is no live conversation) in the same round trip; nil when held.
 */
const acquire = `
if not redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return nil end
local conversation = redis.call('GET', KEYS[4])
local memory = false
if not conversation then memory = redis.call('GET', KEYS[5]) end
return {redis.call('LRANGE', KEYS[3], 0, -1), redis.call('LINDEX', KEYS[2], 0), conversation, memory}`;

/**
 * Gives the conversation back when nothing is left to do (inbox and outbox empty) and the holder asked for it
 * (`release` is '1'): the lease goes, and given the work stream's key and group (a single server) the tickets the lane
 * handled are acknowledged and deleted. Returns 1 then; nil, and nothing done, when work is left. The caller knows
 * the lease is its own.  Arguments: the lease, inbox and outbox keys, the release flag, the stream key or nil, the
 * group, the ticket ids separated by spaces.
 */
const releaseIfIdle = `
local function releaseIfIdle(lease, inbox, outbox, release, stream, group, tickets)
  if release ~= '1' or redis.call('LLEN', inbox) > 0 or redis.call('LLEN', outbox) > 0 then return nil end
  redis.call('DEL', lease)
  if stream then
    local ids = {}
    for id in string.gmatch(tickets, '%S+') do ids[#ids + 1] = id end
    if #ids > 0 then
      redis.call('XACK', stream, group, unpack(ids))
      redis.call('XDEL', stream, unpack(ids))
    end
  end
  return 1
end`;

/**
 * KEYS: lease, inbox, conversation, outbox, memory[, work stream][, effects due, effect calls].
 * ARGV: token, input id, conversation JSON or '', session TTL, outbox TTL, memory JSON or '', memory TTL, release ('1'
 * to give the conversation back if nothing is left to do), group ('' when the work stream's key is not given), ticket
 * ids, n, n outbox items, then (call id, claimed until, call JSON) per effect call (given the effect keys: a single
 * server, where they and the stream may live in another slot). Returns 1 when the conversation was given back, else
 * the inbox head left after the commit (nil when empty), the turn's next input.
 */
const commit = `${releaseIfIdle}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return redis.error_reply('LEASE_LOST') end
local head = redis.call('LINDEX', KEYS[2], 0)
if head and cjson.decode(head).wamid == ARGV[2] then redis.call('LPOP', KEYS[2]) end
if ARGV[3] ~= '' then
  redis.call('SET', KEYS[3], ARGV[3], 'EX', ARGV[4])
else
  redis.call('EXPIRE', KEYS[3], ARGV[4])
end
if ARGV[6] ~= '' then redis.call('SET', KEYS[5], ARGV[6], 'EX', ARGV[7]) end
local n = tonumber(ARGV[11])
for i = 12, 11 + n do redis.call('RPUSH', KEYS[4], ARGV[i]) end
if n > 0 then redis.call('EXPIRE', KEYS[4], ARGV[5]) end
for i = 12 + n, #ARGV, 3 do
  redis.call('ZADD', KEYS[#KEYS - 1], ARGV[i + 1], ARGV[i])
  redis.call('HSET', KEYS[#KEYS], ARGV[i], ARGV[i + 2])
end
local stream = nil
if ARGV[9] ~= '' then stream = KEYS[6] end
if releaseIfIdle(KEYS[1], KEYS[2], KEYS[4], ARGV[8], stream, ARGV[9], ARGV[10]) then return 1 end
return redis.call('LINDEX', KEYS[2], 0)`;

/**
 * KEYS: lease, outbox, inbox[, sent index key][, work stream].  ARGV: token, item id, conversation key, index TTL ('':
 * no index key), release, group ('': no stream key), ticket ids. Removes the outbox head if it is that item and, given
 * the index key (a single server, where it may live in any slot), records in the same step which conversation Meta's
 * wamid for it belongs to; then gives the conversation back if asked and nothing is left (see releaseIfIdle). Returns
 * 0 when the head was not that item, 1 when removed, 2 when removed and the conversation given back.
 */
const settleOutbox = `${releaseIfIdle}
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return redis.error_reply('LEASE_LOST') end
local head = redis.call('LINDEX', KEYS[2], 0)
if not head or cjson.decode(head).id ~= ARGV[2] then return 0 end
redis.call('LPOP', KEYS[2])
if ARGV[4] ~= '' then redis.call('SET', KEYS[4], ARGV[3], 'EX', ARGV[4]) end
local stream = nil
if ARGV[6] ~= '' then stream = KEYS[#KEYS] end
if releaseIfIdle(KEYS[1], KEYS[3], KEYS[2], ARGV[5], stream, ARGV[6], ARGV[7]) then return 2 end
return 1`;

/** KEYS: the work stream.  ARGV: group, ids… Acknowledged and deleted in one call, so the stream stays short. */
const complete = `
redis.call('XACK', KEYS[1], ARGV[1], unpack(ARGV, 2))
return redis.call('XDEL', KEYS[1], unpack(ARGV, 2))`;

/** KEYS: lease.  ARGV: token, lease ms. */
const extend = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return 0 end
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 1`;

/**
 * KEYS: lease, inbox, outbox[, work stream].  ARGV: token[, group, ticket ids…]. 1 released, 0 work arrived (kept),
 * -1 lease already lost. Given the work stream (a single server, where it may live in another slot), the tickets the
 * lane handled are acknowledged and deleted in the same step.
 */
const release = `
if redis.call('GET', KEYS[1]) ~= ARGV[1] then return -1 end
if redis.call('LLEN', KEYS[2]) > 0 or redis.call('LLEN', KEYS[3]) > 0 then return 0 end
redis.call('DEL', KEYS[1])
if KEYS[4] and #ARGV > 2 then
  redis.call('XACK', KEYS[4], ARGV[2], unpack(ARGV, 3))
  redis.call('XDEL', KEYS[4], unpack(ARGV, 3))
end
return 1`;

/**
 * KEYS: timers (sorted set).  ARGV: now, max, lease until. Claims due conversations by pushing their score to the
 * lease time (so a crash before delivery only delays the timer) and returns member, original score pairs.
 */
const claimTimers = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, ARGV[2])
for i = 1, #due, 2 do redis.call('ZADD', KEYS[1], ARGV[3], due[i]) end
return due`;

/** KEYS: timers.  ARGV: member, score. Removes the member only if nobody rescheduled it meanwhile. */
const unscheduleIf = `
if redis.call('ZSCORE', KEYS[1], ARGV[1]) == ARGV[2] then return redis.call('ZREM', KEYS[1], ARGV[1]) end
return 0`;

/**
 * KEYS: effects due, effect calls.  ARGV: call id, claimed until, call JSON. Records one call on its own (a Redis
 * Cluster, where the effect keys live in another slot than the conversation): written before the commit, so a crash
 * in between leaves a call whose outcome finds no pending invocation and is dropped, never a call forgotten.
 */
const recordEffect = `
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[1])
redis.call('HSET', KEYS[2], ARGV[1], ARGV[3])`;

/** KEYS: effects due, effect calls.  ARGV: now, max, claimed until. Claims overdue calls; returns their JSON. */
const claimEffects = `
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, ARGV[2])
local calls = {}
for _, id in ipairs(due) do
  local call = redis.call('HGET', KEYS[2], id)
  if call then
    redis.call('ZADD', KEYS[1], ARGV[3], id)
    calls[#calls + 1] = call
  else
    redis.call('ZREM', KEYS[1], id)
  end
end
return calls`;

/**
 * KEYS: inbox, seen key of the outcome, work stream, effects due, effect calls.  ARGV: dedup window (s), outcome JSON,
 * conversation key, call id. A single server: the outcome enters the lane (once) and the call is forgotten, in one step.
 */
const settleEffect = `
if redis.call('SET', KEYS[2], '1', 'NX', 'EX', ARGV[1]) then
  redis.call('RPUSH', KEYS[1], ARGV[2])
  redis.call('EXPIRE', KEYS[1], ARGV[1])
  redis.call('XADD', KEYS[3], '*', 'c', ARGV[3])
end
redis.call('ZREM', KEYS[4], ARGV[4])
redis.call('HDEL', KEYS[5], ARGV[4])`;

/** KEYS: effects due, effect calls.  ARGV: call id. Forgets a call (a Redis Cluster, after its outcome was stored). */
const forgetEffect = `
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('HDEL', KEYS[2], ARGV[1])`;

type Client = Redis | Cluster;
export type Script = (keys: string[], args: Array<string | number>) => Promise<unknown>;

/**
 * Registers one script on a client (EVALSHA with automatic fallback to EVAL) and returns the call.
 *
 * @example
 * const count = defineScript(redis, 'waCount', "return redis.call('INCR', KEYS[1])");
 * await count(['wa:n'], []);
 */
export function defineScript(client: Client, name: string, lua: string): Script {
  client.defineCommand(name, { lua });
  const command = (client as unknown as Record<string, (...args: Array<string | number>) => Promise<unknown>>)[name];
  if (!command) throw new Error(`script ${name} was not registered`);
  return (keys, args) => command.call(client, keys.length, ...keys, ...args);
}

/** Registers the scripts on a client (EVALSHA with automatic fallback to EVAL). */
export function defineScripts(client: Client) {
  const define = (name: string, lua: string): Script => defineScript(client, name, lua);
  return {
    accept: define('waAccept', accept),
    acceptAndAnnounce: define('waAcceptAndAnnounce', acceptAndAnnounce),
    acquire: define('waAcquire', acquire),
    commit: define('waCommit', commit),
    complete: define('waComplete', complete),
    settleOutbox: define('waSettleOutbox', settleOutbox),
    extend: define('waExtend', extend),
    release: define('waRelease', release),
    claimTimers: define('waClaimTimers', claimTimers),
    unscheduleIf: define('waUnscheduleIf', unscheduleIf),
    recordEffect: define('waRecordEffect', recordEffect),
    claimEffects: define('waClaimEffects', claimEffects),
    settleEffect: define('waSettleEffect', settleEffect),
    forgetEffect: define('waForgetEffect', forgetEffect),
  };
}

export type RedisScripts = ReturnType<typeof defineScripts>;
