// axe-core on every kind of page at desktop and phone sizes, with the script
// (lib/axe.js; axe-noscript.test.js without it).

import { axeSuite } from '../lib/axe.js';
import { setUp } from '../lib/harness.js';

axeSuite(setUp(), true);
