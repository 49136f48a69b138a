// str() of a numpy float32 scalar (its repr is 'np.float32(' + this + ')').

import { numpyPositional, numpyScientific } from './dragon4.ts';

/**
 * The shortest digits that read back as the same float32, laid out as numpy does:
 * positional from 1e-4 up to 1e6 ('0.1', '2.0', '999999.0'), scientific outside ('1e+06').
 */
export function formatFloat32Shortest(x: number): string {
  const value = Math.fround(x);
  if (Number.isNaN(value)) return 'nan';
  if (!Number.isFinite(value)) return value < 0 ? '-inf' : 'inf';
  const magnitude = Math.abs(value);
  if (magnitude === 0 || (magnitude >= 1e-4 && magnitude < 1e6)) {
    return numpyPositional(value, 'float32', { trim: '0' });
  }
  return numpyScientific(value, 'float32', { trim: '-' });
}
