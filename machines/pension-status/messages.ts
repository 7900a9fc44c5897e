/** The pension-status form's messages: `machines/pension-status/locales/*.ftl`, read once. */

import { FluentMessages } from '../../src/i18n/fluent-messages.js';
import { readMachineLocales } from '../../src/i18n/locale-files.js';

/** The messages of `locales/*.ftl`. */
export const messages = new FluentMessages(readMachineLocales('pension-status', import.meta.url));
