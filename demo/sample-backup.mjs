// Sample data for `npm run demo`, dated relative to today so every figure looks alive.
const DAY = 24 * 3600 * 1000;

const PEOPLE = [
  {
    name: 'Ada Lovelace',
    email: 'ada@analytical.example',
    company: 'Analytical Engines',
    touches: [
      [40, 'meeting', 'positive', 'Kick-off went well', true],
      [21, 'email', 'neutral', 'Sent the contract draft'],
      [9, 'call', 'negative', 'Invoice was wrong; promised a fix'],
      [2, 'email', 'positive', 'Fixed the invoice before she asked', true],
    ],
  },
  {
    name: 'Grace Hopper',
    email: 'grace@compilers.example',
    company: 'Compilers Inc.',
    touches: [
      [30, 'call', 'positive', 'Renewal agreed'],
      [1, 'email', 'negative', 'Outage hit their release'],
    ],
  },
  {
    name: 'Rob Cheung',
    linkedin: '/in/robertkcheung',
    company: 'Substrate',
    touches: [[20, 'linkedin', 'positive', 'Congratulated him on the launch']],
  },
  {
    name: 'Katherine Johnson',
    email: 'katherine@orbits.example',
    company: 'Orbits',
    touches: [
      [60, 'meeting', 'positive', 'Quarterly review'],
      [5, 'call', 'neutral', 'Asked about the roadmap'],
    ],
  },
];

export function sampleBackup(now = Date.now()) {
  const id = (kind, n) =>
    `${String(kind).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;
  let t = 0;
  return {
    format: 'last-impression-backup',
    version: 1,
    exportedAt: new Date(now).toISOString(),
    contacts: PEOPLE.map((p, i) => ({
      id: id(1, i),
      name: p.name,
      emails: p.email ? [p.email] : [],
      linkedin: p.linkedin ? [p.linkedin] : [],
      company: p.company,
    })),
    touches: PEOPLE.flatMap((p, i) =>
      p.touches.map(([daysAgo, channel, outcome, note, goodNews]) => ({
        id: id(2, t++),
        contactId: id(1, i),
        at: new Date(now - daysAgo * DAY).toISOString(),
        channel,
        outcome,
        note,
        ...(goodNews ? { goodNews: true } : {}),
      })),
    ),
  };
}
