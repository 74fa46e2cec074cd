import fs from 'node:fs';
import path from 'node:path';

import { printSchema } from 'graphql';

import { loadConfig } from '../config';
import { buildAtlasSchema } from './build';

const HEADER =
  '# The public GraphQL schema of container-atlas, emitted from the code by `npm run schema:emit`. Do not edit.\n\n';

/** The SDL as it is committed in schema/schema.graphql. */
export async function renderSchema(): Promise<string> {
  return HEADER + printSchema(await buildAtlasSchema()) + '\n';
}

export const SCHEMA_FILE = path.join(loadConfig({}).rootDir, 'schema', 'schema.graphql');

if (require.main === module) {
  void renderSchema().then((sdl) => {
    fs.writeFileSync(SCHEMA_FILE, sdl);
    process.stdout.write(`wrote ${path.relative(process.cwd(), SCHEMA_FILE)}\n`);
  });
}
