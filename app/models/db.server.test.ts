import { describe, expect, it } from 'vitest'

import { isDatabaseUnavailable } from './db.server.ts'

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code })

describe('isDatabaseUnavailable', () => {
  it.each([
    ['08006 connection failure', withCode('08006')],
    ['08001 cannot connect', withCode('08001')],
    ['57P01 terminated by an administrator', withCode('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash shutdown', withCode('57P02')],
    ['57P03 the server is starting up', withCode('57P03', 'the database system is starting up')],
    ['53300 too many connections', withCode('53300')],
    ['ECONNREFUSED', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['ECONNRESET', withCode('ECONNRESET')],
    ['a lost connection', new Error('Connection terminated unexpectedly')],
    ['a client that lost its connection', new Error('Client has encountered a connection error and is not queryable')],
    ['a full pool', new Error('timeout exceeded when trying to connect')],
    [
      'a connect timeout',
      new Error('Connection terminated due to connection timeout', { cause: new Error('Connection terminated unexpectedly') }),
    ],
    ['a wrapped cause', new Error('saving failed', { cause: withCode('57P01') })],
    ['every address refused', new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')], 'connect failed')],
  ])('%s: yes', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true)
  })

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', withCode('42601')],
    ['a cancelled statement', withCode('57014', 'canceling statement due to statement timeout')],
    ['a deadlock', withCode('40P01')],
    ['a plain error', new Error('something else')],
    ['a Response', new Response(null, { status: 404 })],
    ['nothing', undefined],
    ['a string', 'Connection terminated'],
  ])('%s: no', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false)
  })

  it('stops on a cycle of causes', () => {
    const a = new Error('a')
    const b = new Error('b', { cause: a })
    Object.assign(a, { cause: b })
    expect(isDatabaseUnavailable(a)).toBe(false)
  })
})
