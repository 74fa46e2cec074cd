// Monaco's language services run in web workers; this entry makes Vite bundle them next to the page.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import './playground.css';

import { explorerPlugin } from '@graphiql/plugin-explorer';
import { GraphiQL, type GraphiQLProps, HISTORY_PLUGIN } from 'graphiql';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { type ExecutionResult, GraphQLError } from 'graphql';

import { EXAMPLE_TABS } from './examples';
import { type DemoFrontend, type DemoQuestion, learnerTabs } from './examples.learner';

type Fetcher = GraphiQLProps['fetcher'];

/**
 * Plain same-origin POSTs. The page is served by the API itself, so the endpoint is always this origin's /graphql;
 * the toolkit's fetcher would add a WebSocket client we do not need.
 */
const fetcher: Fetcher = async (params, options) => {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/graphql-response+json, application/json',
      ...options?.headers,
    },
    body: JSON.stringify(params),
  });
  const text = await response.text();
  try {
    return JSON.parse(text) as ExecutionResult;
  } catch {
    return { errors: [new GraphQLError(`HTTP ${response.status}: ${text.slice(0, 300)}`)] };
  }
};

// Made once: GraphiQL compares plugin objects by identity.
const plugins = [HISTORY_PLUGIN, explorerPlugin()];

/**
 * GraphiQL fills the first tab's query on a first visit but not its variables; hand them over ourselves, and only
 * then, because later visits restore the learner's own tabs.
 */
const firstVisit = localStorage.getItem('graphiql:tabState') === null;

/**
 * A development server hands out its development key (GET /dev/demo; production has no such route): then the learner
 * API tabs are added, with a quiz question of this server for the checkAnswer tab.
 */
async function developmentTabs(): Promise<GraphiQLProps['defaultTabs']> {
  try {
    const response = await fetch('/dev/demo', { headers: { accept: 'application/json' } });
    if (!response.ok) return [];
    const demo = (await response.json()) as DemoFrontend;
    const quiz = (await fetcher(
      { query: '{ quiz(topic: "docker-kill", count: 1, seed: 1) { id options { id } } }', operationName: null },
      {},
    )) as {
      data?: { quiz?: { id: string; options: { id: string }[] }[] };
    };
    const first = quiz.data?.quiz?.[0];
    const question: DemoQuestion | null = first?.options[0] ? { id: first.id, choice: first.options[0].id } : null;
    return learnerTabs(demo, question, crypto.randomUUID());
  } catch {
    return [];
  }
}

function Playground({ extraTabs }: { extraTabs: NonNullable<GraphiQLProps['defaultTabs']> }) {
  return (
    <GraphiQL
      fetcher={fetcher}
      plugins={plugins}
      defaultTabs={[...EXAMPLE_TABS, ...extraTabs]}
      initialVariables={firstVisit ? EXAMPLE_TABS[0]?.variables : undefined}
      defaultEditorToolsVisibility="variables"
      isHeadersEditorEnabled
    >
      <GraphiQL.Logo>
        <span className="atlas-logo">
          <span className="atlas-logo__name">container-atlas</span>
          <a className="atlas-logo__link" href="/explore" aria-label="그래프 탐색기 열기 · Open the graph explorer">
            그래프 탐색기 · Explorer →
          </a>
        </span>
      </GraphiQL.Logo>
    </GraphiQL>
  );
}

const root = document.getElementById('playground');
if (!root) throw new Error('The page has no #playground element.');
const page = root;
void developmentTabs().then((extraTabs) =>
  createRoot(page).render(
    <StrictMode>
      <Playground extraTabs={extraTabs ?? []} />
    </StrictMode>,
  ),
);
