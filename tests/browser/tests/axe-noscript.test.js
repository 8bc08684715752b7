// axe-core on every kind of page at desktop and phone sizes, without the
// script (lib/axe.js; axe-script.test.js with it).

import { axeSuite } from '../lib/axe.js';
import { setUp } from '../lib/harness.js';

axeSuite(setUp(), false);
