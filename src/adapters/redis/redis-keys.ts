/**
 * The Redis key layout (documented in the README). Every per-conversation key carries the conversation in a
 * hash tag, `{<phone_number_id>:<user>}`, so one conversation's keys share a Redis Cluster slot and each
 * script touching them stays inside one slot.
 *
 * | key | type | what | expiry |
 * | --- | --- | --- | --- |
 * | `<p>{c}:in` | list | accepted messages not yet handled, oldest first | dedup window |
 * | `<p>{c}:seen:<wamid>` | string | dedup mark of one delivered message | dedup window |
 * | `<p>{c}:conv` | string | `{ machineId, version, snapshot }` JSON | session TTL, sliding |
 * | `<p>{c}:out` | list | committed replies not yet accepted by the Graph API | dedup window |
 * | `<p>{c}:lease` | string | token of the worker holding the turn | lease (10 s), renewed |
 * | `<p>ready` | stream | one entry per accepted delivery, consumer group `workers`; deleted once done | — |
 * | `<p>dead` | list | replies that could not be sent, with the reason (capped) | — |
 * | `<p>sent:<wamid>` | string | conversation a sent message belongs to (for failed statuses) | dedup window |
 * | `<p>timers` | sorted set | conversation → when its earliest machine timer falls due | — |
 * | `<p>analytics` | stream | one interaction record per handled message (pseudonymous user); capped | retention |
 * | `<p>{c}:memo` | string | what outlives a session: last seen, what the machine keeps (language…) | memory days |
 * | `<p>{fx}:due` | sorted set | effect call id → until when its runner owns it | — |
 * | `<p>{fx}:calls` | hash | effect call id → the call (effect, input, conversation) while it runs | — |
 * | `<p>{cost}:total` | hash | messages sent by machine and state, priced by machine, state, category, billable | — |
 * | `<p>{cost}:day:<date>` | hash | one UTC day: messages sent, priced by billable and by category | 90 days |
 * | `<p>{cost}:users:<date>` | set | pseudonyms of the users sent a message that day (its conversations) | 90 days |
 * | `<p>{cost}:sent:<wamid>` | string | machine, state and day of a sent message, to match its status | 8 days |
 * | `<p>{cost}:priced:<wamid>` | string | mark of a message whose pricing was counted (duplicates count once) | 8 days |
 */
export function conversationKeys(prefix: string, conversation: string) {
  const tag = `${prefix}{${conversation}}`;
  return {
    inbox: `${tag}:in`,
    conversation: `${tag}:conv`,
    outbox: `${tag}:out`,
    lease: `${tag}:lease`,
    memory: `${tag}:memo`,
    seen: (wamid: string) => `${tag}:seen:${wamid}`,
  };
}

export function sharedKeys(prefix: string) {
  return {
    ready: `${prefix}ready`,
    deadLetters: `${prefix}dead`,
    timers: `${prefix}timers`,
    analytics: `${prefix}analytics`,
    sent: (wamid: string) => `${prefix}sent:${wamid}`,
    // One hash tag: both effect keys share a Cluster slot, so each effect script stays in one slot.
    effectsDue: `${prefix}{fx}:due`,
    effectCalls: `${prefix}{fx}:calls`,
    // One hash tag: every message-cost key shares a Cluster slot, so each counting script stays in one slot.
    costTotal: `${prefix}{cost}:total`,
    costDay: (date: string) => `${prefix}{cost}:day:${date}`,
    costUsers: (date: string) => `${prefix}{cost}:users:${date}`,
    costSent: (wamid: string) => `${prefix}{cost}:sent:${wamid}`,
    costPriced: (wamid: string) => `${prefix}{cost}:priced:${wamid}`,
    group: 'workers',
  };
}
