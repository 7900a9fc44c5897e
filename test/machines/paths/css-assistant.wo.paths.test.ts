import { cssAssistant } from '../../../machines/css-assistant/index.js';
import { describePaths } from './replay-paths.js';
import { askAboutMediaStandIn, askQuestionStandIn } from './stand-ins.js';

// Every path of css-assistant.paths.test.ts, each conversation starting in Wolof (the server's START_LOCALE).
describePaths(cssAssistant, { askQuestion: askQuestionStandIn, askAboutMedia: askAboutMediaStandIn }, { locale: 'wo' });
