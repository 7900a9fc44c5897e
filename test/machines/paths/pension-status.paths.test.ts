import { pensionStatus } from '../../../machines/pension-status/index.js';
import { describePaths } from './replay-paths.js';
import { lookupFileStatusStandIn } from './stand-ins.js';

// The second machine gets its path tests from the same replay: nothing here names a state.
describePaths(pensionStatus, { lookupFileStatus: lookupFileStatusStandIn });
