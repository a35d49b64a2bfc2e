import { readFileSync } from 'node:fs'

import { sql } from 'kysely'
import ts from 'typescript'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { Connection } from '#db/connection.ts'

import { createTestDatabase } from './db.ts'

// db/types.ts is written by hand next to the migrations. This test reads it with the
// TypeScript compiler and compares it with the migrated database (information_schema),
// on PGlite and, when TEST_DATABASE_URL is set, on PostgreSQL too: the same tables, the
// same columns, the same nullability, and a TypeScript type that fits each column's SQL
// type under the parsers db/connection.ts sets (int8 and numeric -> number, date ->
// string, timestamptz -> Date).

interface TsColumn {
  /** What a select returns, without null: 'number', 'string', 'Date', 'string[]', ... */
  kinds: string[]
  nullable: boolean
  /** Generated<...>: the database fills it when an insert leaves it out. */
  generated: boolean
}

interface DbColumn {
  table: string
  column: string
  nullable: boolean
  dataType: string
  udtName: string
  hasDefault: boolean
}

const TYPES_FILE = new URL('../db/types.ts', import.meta.url)

// Columns a trigger fills rather than a default (see the migration named in db/types.ts).
const FILLED_BY_TRIGGER = new Set(['document.iso_week'])

/** The SQL types used in the migrations and the JS type the drivers return for each. */
function expectedKind(c: DbColumn): string {
  switch (c.dataType) {
    case 'smallint':
    case 'integer':
    case 'bigint':
    case 'numeric':
    case 'real':
    case 'double precision':
      return 'number'
    case 'text':
    case 'character varying':
    case 'character':
    case 'uuid':
    case 'inet':
    case 'date':
    case 'tsvector':
      return 'string'
    case 'timestamp with time zone':
    case 'timestamp without time zone':
      return 'Date'
    case 'boolean':
      return 'boolean'
    case 'json':
    case 'jsonb':
      return 'unknown'
    case 'bytea':
      return 'Uint8Array'
    case 'ARRAY':
      return `${expectedKind({ ...c, dataType: c.udtName === '_text' ? 'text' : c.udtName === '_int4' ? 'integer' : c.udtName })}[]`
    default:
      return `unmapped SQL type ${c.dataType}`
  }
}

/** Tables and their columns as db/types.ts declares them, read from the syntax tree. */
function readDeclaredSchema(source: string): Map<string, Map<string, TsColumn>> {
  const file = ts.createSourceFile('types.ts', source, ts.ScriptTarget.Latest, true)
  const aliases = new Map<string, ts.TypeNode>()
  const interfaces = new Map<string, ts.InterfaceDeclaration>()
  for (const statement of file.statements) {
    if (ts.isTypeAliasDeclaration(statement)) aliases.set(statement.name.text, statement.type)
    if (ts.isInterfaceDeclaration(statement)) interfaces.set(statement.name.text, statement)
  }

  function resolve(node: ts.TypeNode): TsColumn {
    if (ts.isParenthesizedTypeNode(node)) return resolve(node.type)
    if (ts.isUnionTypeNode(node)) {
      const parts = node.types.map(resolve)
      return {
        kinds: [...new Set(parts.flatMap((p) => p.kinds))].sort(),
        nullable: parts.some((p) => p.nullable),
        generated: parts.some((p) => p.generated),
      }
    }
    if (ts.isLiteralTypeNode(node)) {
      if (node.literal.kind === ts.SyntaxKind.NullKeyword) return { kinds: [], nullable: true, generated: false }
      if (ts.isStringLiteral(node.literal)) return plain('string')
      if (ts.isNumericLiteral(node.literal)) return plain('number')
      return plain('boolean')
    }
    if (ts.isArrayTypeNode(node)) return plain(`${resolve(node.elementType).kinds.join('|')}[]`)
    switch (node.kind) {
      case ts.SyntaxKind.StringKeyword:
        return plain('string')
      case ts.SyntaxKind.NumberKeyword:
        return plain('number')
      case ts.SyntaxKind.BooleanKeyword:
        return plain('boolean')
      case ts.SyntaxKind.UnknownKeyword:
        return plain('unknown')
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText(file)
      const args = node.typeArguments ?? []
      if (name === 'Generated') return { ...resolve(args[0]), generated: true }
      // ColumnType<Select, Insert, Update>: what a select returns is what the table holds.
      if (name === 'ColumnType') return resolve(args[0])
      if (name === 'Date' || name === 'Uint8Array') return plain(name)
      const alias = aliases.get(name)
      if (alias) return resolve(alias)
    }
    throw new Error(`db/types.ts: cannot read the type ${node.getText(file)}`)
  }

  const database = interfaces.get('Database')
  if (!database) throw new Error('db/types.ts has no Database interface')
  const tables = new Map<string, Map<string, TsColumn>>()
  for (const member of database.members) {
    if (!ts.isPropertySignature(member) || !member.type || !ts.isTypeReferenceNode(member.type)) continue
    const table = interfaces.get(member.type.typeName.getText(file))
    if (!table) throw new Error(`db/types.ts: no interface ${member.type.typeName.getText(file)}`)
    const columns = new Map<string, TsColumn>()
    for (const column of table.members) {
      if (ts.isPropertySignature(column) && column.type) columns.set(column.name.getText(file), resolve(column.type))
    }
    tables.set(member.name.getText(file), columns)
  }
  return tables
}

const plain = (kind: string): TsColumn => ({ kinds: [kind], nullable: false, generated: false })

async function readDatabaseSchema(conn: Connection): Promise<DbColumn[]> {
  const { rows } = await sql<{
    table: string
    column: string
    is_nullable: string
    data_type: string
    udt_name: string
    column_default: string | null
    is_identity: string
  }>`
    select c.table_name as table, c.column_name as column, c.is_nullable, c.data_type, c.udt_name, c.column_default, c.is_identity
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE' and c.table_name not like 'kysely_migration%'
    order by c.table_name, c.ordinal_position`.execute(conn.db)
  return rows.map((r) => ({
    table: r.table,
    column: r.column,
    nullable: r.is_nullable === 'YES',
    dataType: r.data_type,
    udtName: r.udt_name,
    hasDefault: r.column_default !== null || r.is_identity === 'YES',
  }))
}

const declared = readDeclaredSchema(readFileSync(TYPES_FILE, 'utf8'))
const backends = [
  ['PGlite', () => createTestDatabase({ kind: 'pglite' })],
  ...(process.env.TEST_DATABASE_URL ? [['PostgreSQL', () => createTestDatabase()] as const] : []),
] as const

describe.each(backends)('db/types.ts against the migrated database on %s', (_name, open) => {
  let conn: Connection
  let columns: DbColumn[]
  beforeAll(async () => {
    conn = await open()
    columns = await readDatabaseSchema(conn)
  })
  afterAll(async () => {
    await conn?.close()
  })

  it('declares exactly the tables the migrations create', () => {
    expect([...declared.keys()].sort()).toEqual([...new Set(columns.map((c) => c.table))].sort())
  })

  it('declares exactly the columns of each table', () => {
    for (const [table, tsColumns] of declared) {
      const inDb = columns.filter((c) => c.table === table).map((c) => c.column)
      expect([...tsColumns.keys()].sort(), table).toEqual(inDb.sort())
    }
  })

  it('gives each column a type that fits its SQL type, nullable exactly when the column is', () => {
    const mismatches: string[] = []
    for (const c of columns) {
      const ts = declared.get(c.table)?.get(c.column)
      if (!ts) continue // reported by the test above
      const where = `${c.table}.${c.column}`
      if (ts.kinds.join('|') !== expectedKind(c)) mismatches.push(`${where}: ${ts.kinds.join(' | ')} for SQL ${c.dataType}`)
      if (ts.nullable !== c.nullable) mismatches.push(`${where}: ${ts.nullable ? 'nullable' : 'not null'} in TS, not in SQL`)
      if (ts.generated && !c.hasDefault && !FILLED_BY_TRIGGER.has(where)) mismatches.push(`${where}: Generated without a default`)
    }
    expect(mismatches).toEqual([])
  })
})

describe('reading db/types.ts', () => {
  it('sees through aliases, Generated, ColumnType, unions with null and literal unions', () => {
    const tables = readDeclaredSchema(`
      type Stamp = ColumnType<Date | null, string | undefined, string>
      type Kind = 'a' | 'b'
      interface ThingTable { id: Generated<number>; kind: Kind | null; at: Stamp; tags: ColumnType<string[], string[] | undefined, string[]> }
      export interface Database { thing: ThingTable }`)
    expect(Object.fromEntries(tables.get('thing')!)).toEqual({
      id: { kinds: ['number'], nullable: false, generated: true },
      kind: { kinds: ['string'], nullable: true, generated: false },
      at: { kinds: ['Date'], nullable: true, generated: false },
      tags: { kinds: ['string[]'], nullable: false, generated: false },
    })
  })
})
