import { useEffect, useState } from 'react';

/** The time an extension page's rules run at, refreshed each minute so "days since" rolls over. */
export function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
