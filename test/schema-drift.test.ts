import fs from 'node:fs';

import { renderSchema, SCHEMA_FILE } from '../src/schema/emit';

describe('schema/schema.graphql', () => {
  it('matches the schema the code builds', async () => {
    const committed = fs.existsSync(SCHEMA_FILE) ? fs.readFileSync(SCHEMA_FILE, 'utf8') : '';
    const rendered = await renderSchema();
    if (rendered !== committed) {
      throw new Error(
        'schema/schema.graphql is out of date with the code: run npm run schema:emit and commit the result.',
      );
    }
    expect(committed).toContain('type Concept implements Node');
  });
});
