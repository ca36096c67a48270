import { afterAll, beforeAll, describe } from 'vitest';

/** Runs `body` with the process in time zone `tz`; Node re-reads TZ when it changes. */
export function inTimeZone(tz: string, body: () => void) {
  describe(`in ${tz}`, () => {
    const saved = process.env.TZ;
    beforeAll(() => {
      process.env.TZ = tz;
    });
    afterAll(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    body();
  });
}

/** A local wall-clock time in whatever zone is current. */
export const local = (y: number, m: number, d: number, h = 0, min = 0) =>
  new Date(y, m - 1, d, h, min).getTime();
