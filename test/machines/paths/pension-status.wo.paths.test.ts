import { pensionStatus } from '../../../machines/pension-status/index.js';
import { describePaths } from './replay-paths.js';
import { lookupFileStatusStandIn } from './stand-ins.js';

// Every path of pension-status.paths.test.ts, each conversation starting in Wolof (the server's START_LOCALE).
describePaths(pensionStatus, { lookupFileStatus: lookupFileStatusStandIn }, { locale: 'wo' });
