//! Holidays of one province or one agency (issue 23): the calendar's key becomes the day and
//! its scope — empty for the whole country, else a province code or an agency code. The table
//! is rebuilt (SQLite cannot change a primary key in place) and every existing day kept as a
//! national one.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{date, string, string_len};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(Clone, Copy, DeriveIden)]
enum Holiday {
    Table,
    Day,
    Scope,
    Kind,
    Name,
}

#[derive(DeriveIden)]
enum HolidayScoped {
    Table,
}

/// The table rebuilt with `columns` copied by `select`: create the new one, copy, drop the old,
/// rename — all on one connection, in one batch (a pooled SQLite connection that did not see
/// the drop would refuse the rename).
async fn rebuild(
    manager: &SchemaManager<'_>,
    create: TableCreateStatement,
    columns: Vec<Holiday>,
    select: SelectStatement,
) -> Result<(), DbErr> {
    let backend = manager.get_database_backend();
    let copy = Query::insert()
        .into_table(HolidayScoped::Table)
        .columns(columns)
        .select_from(select)
        .map_err(|e| DbErr::Migration(e.to_string()))?
        .to_owned();
    let drop = Table::drop().table(Holiday::Table).to_owned();
    let rename = Table::rename()
        .table(HolidayScoped::Table, Holiday::Table)
        .to_owned();
    let statements = [
        backend.build(&create),
        backend.build(&copy),
        backend.build(&drop),
        backend.build(&rename),
    ];
    if statements
        .iter()
        .any(|s| s.values.as_ref().is_some_and(|v| !v.0.is_empty()))
    {
        return Err(DbErr::Migration("holiday rebuild: bound values".into()));
    }
    let sql: Vec<String> = statements.into_iter().map(|s| s.sql).collect();
    manager
        .get_connection()
        .execute_unprepared(&sql.join(";\n"))
        .await
        .map(|_| ())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let create = Table::create()
            .table(HolidayScoped::Table)
            .col(date(Holiday::Day))
            .col(string_len(Holiday::Scope, 32).default(""))
            .col(string_len(Holiday::Kind, 16))
            .col(string(Holiday::Name))
            .primary_key(Index::create().col(Holiday::Day).col(Holiday::Scope))
            .to_owned();
        let select = Query::select()
            .column(Holiday::Day)
            .expr(Expr::cust("''"))
            .column(Holiday::Kind)
            .column(Holiday::Name)
            .from(Holiday::Table)
            .to_owned();
        let columns = vec![Holiday::Day, Holiday::Scope, Holiday::Kind, Holiday::Name];
        rebuild(manager, create, columns, select).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        let create = Table::create()
            .table(HolidayScoped::Table)
            .col(date(Holiday::Day).primary_key())
            .col(string_len(Holiday::Kind, 16))
            .col(string(Holiday::Name))
            .to_owned();
        let select = Query::select()
            .column(Holiday::Day)
            .column(Holiday::Kind)
            .column(Holiday::Name)
            .from(Holiday::Table)
            .and_where(Expr::col(Holiday::Scope).eq(Expr::cust("''")))
            .to_owned();
        rebuild(
            manager,
            create,
            vec![Holiday::Day, Holiday::Kind, Holiday::Name],
            select,
        )
        .await
    }
}
