// The bundled lab in the numbers the CLI prints: how many checks it has, and its full marks (the sum of
// checks/lab.json's points), so that tests follow the catalogue instead of repeating its size.
import { catalogue } from '../../checks/index.js';
import lab from '../../checks/lab.json' with { type: 'json' };

export const CHECK_COUNT = catalogue.length;

export const FULL_MARKS = Object.values(lab.points).reduce((sum, points) => sum + points, 0);
