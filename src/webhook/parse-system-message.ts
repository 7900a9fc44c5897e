import type { IdentityChange, UserRef } from '../domain/inbound.js';
import { fields, id, optional, seconds, text, userId, type Fields } from './payload-fields.js';

/** System message types that mean "this user now has another id"; `customer_changed_number` is the old name. */
const NUMBER_CHANGED = new Set(['user_changed_number', 'customer_changed_number']);
const USER_ID_CHANGED = 'user_changed_user_id';
/** `User A changed from <old> to <new>` (Meta's `system.body`), for payloads without `previous_user_id`. */
const CHANGED_FROM_TO = /\bfrom\s+(\S+?)\s+to\s+(\S+?)\.?\s*$/;

/**
 * Reads a `type: "system"` message. A phone number or user id change becomes an `IdentityChange` (from the old
 * ids to the user as they are now); anything else a system message can say (`customer_identity_changed`, a type
 * not known yet) gives `undefined`: it is counted by the caller and never answered, since the user wrote nothing.
 *
 * @example
 * parseIdentityChange({ from: '221771111111', id: 'wamid.S', timestamp: '1786000000', type: 'system',
 *   system: { type: 'user_changed_number', wa_id: '221772222222' } }, 'PN1')
 * // { wamid: 'wamid.S', phoneNumberId: 'PN1', timestamp: 1786000000, previousIds: ['221771111111'],
 * //   user: { id: '221772222222', phone: '221772222222' } }
 */
export function parseIdentityChange(m: Fields, phoneNumberId: string): IdentityChange | undefined {
  const system = fields(m['system']);
  const kind = text(system?.['type']);
  const wamid = id(m['id']);
  const timestamp = seconds(m['timestamp']);
  if (system === undefined || kind === undefined || wamid === undefined || timestamp === undefined) return undefined;
  const fromBody = CHANGED_FROM_TO.exec(text(system['body']) ?? '');
  let user: UserRef | undefined;
  let previous: Array<string | undefined>;
  if (NUMBER_CHANGED.has(kind)) {
    const phone = userId(system['wa_id']) ?? userId(system['new_wa_id']);
    const bsuid = userId(system['user_id']);
    const newId = bsuid ?? phone;
    user = newId === undefined ? undefined : { id: newId, ...optional('phone', phone), ...optional('bsuid', bsuid) };
    previous = [userId(system['previous_user_id']), userId(m['from_user_id']), userId(m['from']), userId(system['customer'])];
  } else if (kind === USER_ID_CHANGED) {
    const bsuid = userId(system['user_id']) ?? userId(fromBody?.[2]);
    const phone = userId(m['from']);
    user = bsuid === undefined ? undefined : { id: bsuid, bsuid, ...optional('phone', phone) };
    previous = [userId(system['previous_user_id']), userId(fromBody?.[1]), userId(m['from_user_id'])];
  } else {
    return undefined;
  }
  if (user === undefined) return undefined;
  const newId = user.id;
  const previousIds = [...new Set(previous.filter((old): old is string => old !== undefined && old !== newId))];
  if (previousIds.length === 0) return undefined;
  return { wamid, phoneNumberId, timestamp, previousIds, user };
}
