// Python's float formatting: '{:.4f}', '{:.4e}', '{:.0f}' and repr(float). Expected strings
// were printed by CPython 3.11; properties check the rest against independent oracles.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatExponential, formatFixed, formatPythonFloat } from '../../core/printing/index.ts';

// [x, format(x, '.4f'), format(x, '.4e'), format(x, '.0f'), repr(x)]
const printedByPython: [number, string, string, string, string][] = [
  [0.03125, '0.0312', '3.1250e-02', '0', '0.03125'],
  [0.5, '0.5000', '5.0000e-01', '0', '0.5'],
  [1.5, '1.5000', '1.5000e+00', '2', '1.5'],
  [2.5, '2.5000', '2.5000e+00', '2', '2.5'],
  [-2.5, '-2.5000', '-2.5000e+00', '-2', '-2.5'],
  [0.125, '0.1250', '1.2500e-01', '0', '0.125'],
  [2.675, '2.6750', '2.6750e+00', '3', '2.675'],
  [1.00005, '1.0001', '1.0001e+00', '1', '1.00005'],
  [0.00015, '0.0001', '1.5000e-04', '0', '0.00015'],
  [9.99995, '10.0000', '1.0000e+01', '10', '9.99995'],
  [99999.5, '99999.5000', '1.0000e+05', '100000', '99999.5'],
  [1e-5, '0.0000', '1.0000e-05', '0', '1e-05'],
  [123456789.0, '123456789.0000', '1.2346e+08', '123456789', '123456789.0'],
  [0.10000000149011612, '0.1000', '1.0000e-01', '0', '0.10000000149011612'],
  [0.3333333432674408, '0.3333', '3.3333e-01', '0', '0.3333333432674408'],
  [2.7182817459106445, '2.7183', '2.7183e+00', '3', '2.7182817459106445'],
  [-0, '-0.0000', '-0.0000e+00', '-0', '-0.0'],
  [0.0, '0.0000', '0.0000e+00', '0', '0.0'],
  [1e22, '10000000000000000000000.0000', '1.0000e+22', '10000000000000000000000', '1e+22'],
  [5e-324, '0.0000', '4.9407e-324', '0', '5e-324'],
  [
    1.7976931348623157e308,
    '179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.0000',
    '1.7977e+308',
    '179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368',
    '1.7976931348623157e+308',
  ],
  [0.0001, '0.0001', '1.0000e-04', '0', '0.0001'],
  [1e16, '10000000000000000.0000', '1.0000e+16', '10000000000000000', '1e+16'],
  [1e-7, '0.0000', '1.0000e-07', '0', '1e-07'],
  [12345.678, '12345.6780', '1.2346e+04', '12346', '12345.678'],
  [0.3, '0.3000', '3.0000e-01', '0', '0.3'],
];

describe('Python float formatting', () => {
  it.each(printedByPython)('%d', (x, fixed4, exponential4, fixed0, repr) => {
    expect(formatFixed(x, 4)).toBe(fixed4);
    expect(formatExponential(x, 4)).toBe(exponential4);
    expect(formatFixed(x, 0)).toBe(fixed0);
    expect(formatPythonFloat(x)).toBe(repr);
  });

  it('writes inf and nan as Python does, never with a sign on nan', () => {
    expect([Infinity, -Infinity, NaN, -NaN].map((x) => formatFixed(x, 4))).toEqual([
      'inf',
      '-inf',
      'nan',
      'nan',
    ]);
    expect(formatExponential(-Infinity, 4)).toBe('-inf');
    expect(formatPythonFloat(NaN)).toBe('nan');
  });

  it('rounds exact ties half to even, where toFixed rounds them up', () => {
    // m / 32 has at most 5 binary fraction digits, so m * 312.5 decides the 4th decimal
    // exactly: a tie whenever m is odd.
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), (m) => {
        const scaled = Math.abs(m) * 3125; // 10 * |m / 32| * 10^4
        let units = Math.floor(scaled / 10);
        const tenth = scaled % 10;
        if (tenth > 5 || (tenth === 5 && units % 2 === 1)) units += 1;
        const digits = String(units).padStart(5, '0');
        const sign = m < 0 || Object.is(m, -0) ? '-' : '';
        const expected = `${sign}${digits.slice(0, -4)}.${digits.slice(-4)}`;
        expect(formatFixed(m / 32, 4)).toBe(expected);
      }),
    );
  });

  it('repr is the shortest text that reads back as the same double', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const text = formatPythonFloat(x);
        expect(Object.is(Number(text), x)).toBe(true);
        // JavaScript's String(x) also gives the shortest round-trip digits.
        const significant = (s: string) =>
          s.replace(/e.*$/, '').replace(/[-.]/g, '').replace(/^0+/, '');
        const ours = significant(text).replace(/0+$/, '') || '0';
        const javascript = significant(String(x)).replace(/0+$/, '') || '0';
        expect(ours).toBe(javascript);
      }),
    );
  });

  it('{:.4e} carries the same value as toExponential away from ties', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        // Index 6 of d.dddd… is the first digit dropped; a 5 there may be an exact tie,
        // which Python rounds to even and JavaScript rounds up.
        if (Math.abs(x).toExponential(20)[6] === '5') return;
        const ours = formatExponential(x, 4);
        const javascript = x.toExponential(4);
        expect(Number(ours) === Number(javascript), `${ours} vs ${javascript}`).toBe(true);
      }),
    );
  });
});
