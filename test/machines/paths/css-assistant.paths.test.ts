import { cssAssistant } from '../../../machines/css-assistant/index.js';
import { describePaths } from './replay-paths.js';
import { askAboutMediaStandIn, askQuestionStandIn } from './stand-ins.js';

// Every state × every sample event, plus a sample of long simple paths, through the real runtime.
// Nothing here names a state: a new state or sample event adds paths by itself. The pool's servers have no agents'
// inbox (PATH_SWITCHES): the handoff itself is driven end to end with a Chatwoot stand-in in
// test/conversation/agent-handoff.test.ts.
describePaths(cssAssistant, { askQuestion: askQuestionStandIn, askAboutMedia: askAboutMediaStandIn });
