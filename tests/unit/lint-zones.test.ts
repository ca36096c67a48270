import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/*
 * The architecture's import zones (eslint.config.js) are only worth having if they refuse a file
 * that breaks them. Each probe is linted as if it sat at the path given, so it checks the
 * configuration real files get.
 */
const eslint = new ESLint();
async function restricted(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}
const use = (specifier: string) => `import * as probe from '${specifier}';\nexport { probe };\n`;

describe('the linter holds the architecture', () => {
  it('host readers import no React, database, Dexie, messaging or browser API', async () => {
    for (const specifier of [
      'react',
      'react-dom/client',
      'dexie',
      '@/lib/db/database',
      '../db/contacts',
      '@/lib/messaging',
      '../messaging-client',
      'wxt/browser',
    ]) {
      const messages = await restricted(use(specifier), 'lib/hosts/lint-probe.ts');
      expect(messages.join('\n'), specifier).toMatch(/restricted.*Host reader: /);
    }
    expect(await restricted(use('../identity'), 'lib/hosts/lint-probe.ts')).toEqual([]);
  });

  it('content-script code imports neither Dexie nor lib/db', async () => {
    for (const file of ['entrypoints/gmail.content/lint-probe.ts', 'entrypoints/x.content.ts']) {
      for (const specifier of ['dexie', 'dexie-react-hooks', '@/lib/db/touches', '../db']) {
        const messages = await restricted(use(specifier), file);
        expect(messages.join('\n'), `${file} ${specifier}`).toMatch(/restricted.*Content script: /);
      }
    }
  });

  it('a module bundled into a content script is held to the same rule, wherever it sits', async () => {
    // frame-slot.ts is loaded by entrypoints/gmail.content: found by following its imports.
    const messages = await restricted(use('@/lib/db/database'), 'lib/page/frame-slot.ts');
    expect(messages.join('\n')).toMatch(/restricted.*Content script: /);
    const typeOnly =
      "import type { LastImpressionDb } from '@/lib/db/database';\nexport type Db = LastImpressionDb;\n";
    expect(await restricted(typeOnly, 'lib/page/frame-slot.ts')).toEqual([]);
  });

  it('the pure rules import no database, not even its types', async () => {
    for (const file of [
      'lib/impressions.ts',
      'lib/metrics.ts',
      'lib/digest.ts',
      'lib/identity.ts',
      'lib/model.ts',
      'lib/goodwill-format.ts',
      'lib/review.ts',
      'lib/news/audience.ts',
      'lib/compose/write.ts',
    ]) {
      for (const code of [
        use('dexie'),
        use('./db/database'),
        "import type { LastImpressionDb } from './db/database';\nexport type Db = LastImpressionDb;\n",
      ]) {
        const messages = await restricted(code, file);
        expect(messages.join('\n'), `${file}: ${code}`).toMatch(/restricted.*Pure rule: /);
      }
    }
  });

  it('lib/db imports no React, and may use Dexie', async () => {
    for (const specifier of ['react', 'dexie-react-hooks', 'zustand']) {
      const messages = await restricted(use(specifier), 'lib/db/lint-probe.ts');
      expect(messages.join('\n'), specifier).toMatch(/restricted.*lib\/db: /);
    }
    expect(await restricted(use('dexie'), 'lib/db/lint-probe.ts')).toEqual([]);
  });

  it('extension pages may read the database', async () => {
    expect(
      await restricted(use('@/lib/db/contacts'), 'components/dashboard/LintProbe.tsx'),
    ).toEqual([]);
    expect(await restricted(use('dexie-react-hooks'), 'components/popup/LintProbe.tsx')).toEqual(
      [],
    );
  });
});
