import type { AnyActorRef, InspectionEvent, Observer } from 'xstate';

/** Conversations whose actor the inspector has been told about already (the oldest are forgotten first). */
const REMEMBERED = 10_000;

/**
 * One inspector actor per conversation, across its messages. The runtime restores a conversation in a new
 * actor for each message, and every new actor system numbers its actors from `x:0`: seen raw, the inspector
 * would show one short-lived actor per message, all conversations sharing the same ids. This observer
 * renames each actor before the inspector reads it: a conversation's root actor (named `conv:<pseudonym>`)
 * gets the session id `<pseudonym>` for good, each invoked actor `<pseudonym>/<id>·<n>`; and the conversation is announced
 * (`@xstate.actor`) once, its later messages showing as events and snapshots of that one actor.
 *
 * @example
 * createActor(machine, { id: 'conv:1a2b3c', inspect: conversationSessions(inspector.inspect) });
 */
export function conversationSessions(inspect: Observer<InspectionEvent>): Observer<InspectionEvent> {
  const names = new WeakMap<AnyActorRef, string>();
  const views = new WeakMap<AnyActorRef, AnyActorRef>();
  const announced = new Set<string>();
  let invoked = 0;

  const nameOf = (actor: AnyActorRef): string => {
    const known = names.get(actor);
    if (known !== undefined) return known;
    const parent = (actor as { _parent?: AnyActorRef })._parent;
    invoked += parent ? 1 : 0;
    // A root's session id differs from its actor id (`conv:…`), which the inspector then shows as its name.
    const name = parent ? `${nameOf(parent)}/${actor.id}·${invoked}` : actor.id.replace(/^conv:/, '');
    names.set(actor, name);
    return name;
  };

  /** The actor as the inspector should see it: same in every respect but its session id and its parent's. */
  const view = (actor: AnyActorRef): AnyActorRef => {
    const existing = views.get(actor);
    if (existing) return existing;
    const proxy = new Proxy(actor, {
      get(target, property) {
        if (property === 'sessionId') return nameOf(target);
        if (property === '_parent') {
          const parent = (target as { _parent?: AnyActorRef })._parent;
          return parent && view(parent);
        }
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
      },
    });
    views.set(actor, proxy);
    return proxy;
  };

  const rootOf = (actor: AnyActorRef): AnyActorRef => {
    const parent = (actor as { _parent?: AnyActorRef })._parent;
    return parent ? rootOf(parent) : actor;
  };

  return {
    next(event) {
      // Inspection events carry the live actors (XState types them loosely as ActorRefLike).
      const actor = event.actorRef as AnyActorRef;
      if (event.type === '@xstate.actor' && !(actor as { _parent?: unknown })._parent) {
        const name = nameOf(actor);
        if (announced.has(name)) return;
        announced.add(name);
        if (announced.size > REMEMBERED) announced.delete(announced.values().next().value as string);
      }
      const renamed = {
        ...event,
        actorRef: view(actor),
        rootId: nameOf(rootOf(actor)),
        ...('sourceRef' in event && event.sourceRef ? { sourceRef: view(event.sourceRef as AnyActorRef) } : {}),
      } as InspectionEvent;
      inspect.next?.(renamed);
    },
  };
}
