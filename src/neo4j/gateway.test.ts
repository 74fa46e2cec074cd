import { Neo4jError } from 'neo4j-driver';

import { DatabaseTimeoutError, DatabaseUnavailableError } from '../errors';
import { mapDatabaseError } from './gateway';

describe('mapDatabaseError', () => {
  it.each([
    ['a lost connection', new Neo4jError('Connection was closed by server', 'ServiceUnavailable', 'N/A', 'N/A')],
    [
      'a database restarting',
      new Neo4jError('not available', 'Neo.TransientError.General.DatabaseUnavailable', 'N/A', 'N/A'),
    ],
    ['a broken handshake', new Neo4jError('Failed to connect to server. Caused by: write EPIPE', 'N/A', 'N/A', 'N/A')],
    ['a plain socket error', new Error('connect ECONNREFUSED 127.0.0.1:7687')],
  ])('turns %s into DATABASE_UNAVAILABLE', (_name, error) => {
    expect(mapDatabaseError(error)).toBeInstanceOf(DatabaseUnavailableError);
  });

  it('turns a transaction timeout into DATABASE_TIMEOUT', () => {
    const error = new Neo4jError(
      'timed out',
      'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
      'N/A',
      'N/A',
    );
    expect(mapDatabaseError(error)).toBeInstanceOf(DatabaseTimeoutError);
  });

  it('leaves other errors alone, to be masked as internal', () => {
    const syntax = new Neo4jError('Invalid input', 'Neo.ClientError.Statement.SyntaxError', 'N/A', 'N/A');
    expect(mapDatabaseError(syntax)).toBe(syntax);
  });
});
