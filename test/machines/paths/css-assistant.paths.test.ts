import { cssAssistant } from '../../../machines/css-assistant/index.js';
import { describePaths } from './replay-paths.js';
import { askAboutMediaStandIn, askQuestionStandIn } from './stand-ins.js';

// Every state × every sample event, plus a sample of long simple paths, through the real runtime.
// Nothing here names a state: a new state or sample event adds paths by itself.
describePaths(cssAssistant, { askQuestion: askQuestionStandIn, askAboutMedia: askAboutMediaStandIn });
