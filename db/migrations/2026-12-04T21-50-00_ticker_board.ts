import { type Kysely, sql } from 'kysely'

// Importing a company universe (issue 13) tags each listed security with the board it
// trades on: 主板, 创业板, 科创板, 北交所, HK Main Board, GEM, NASDAQ, NYSE... The board
// belongs to the ticker, not the company: an A/H pair trades on two. NULL: not known
// (typed by hand, or a list that does not say).

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    alter table company_ticker add column board text
      constraint company_ticker_board_check check (board in (
        'sh_main', 'star', 'sz_main', 'chinext', 'bse', 'hk_main', 'hk_gem',
        'nasdaq', 'nyse', 'nyse_american', 'cboe', 'otc'))`.execute(db)
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`alter table company_ticker drop column board`.execute(db)
}
