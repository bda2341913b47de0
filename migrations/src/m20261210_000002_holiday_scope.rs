//! Holidays of one province or one agency (issue 23): the calendar's key becomes the day and
//! its scope — empty for the whole country, else a province code or an agency code. The table
//! is rebuilt (SQLite cannot change a primary key in place) and every existing day kept as a
//! national one.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::{date, string, string_len};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
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

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(HolidayScoped::Table)
                    .col(date(Holiday::Day))
                    .col(string_len(Holiday::Scope, 32).default(""))
                    .col(string_len(Holiday::Kind, 16))
                    .col(string(Holiday::Name))
                    .primary_key(Index::create().col(Holiday::Day).col(Holiday::Scope))
                    .to_owned(),
            )
            .await?;
        let copy = Query::insert()
            .into_table(HolidayScoped::Table)
            .columns([Holiday::Day, Holiday::Scope, Holiday::Kind, Holiday::Name])
            .select_from(
                Query::select()
                    .column(Holiday::Day)
                    .expr(Expr::val(""))
                    .column(Holiday::Kind)
                    .column(Holiday::Name)
                    .from(Holiday::Table)
                    .to_owned(),
            )
            .map_err(|e| DbErr::Migration(e.to_string()))?
            .to_owned();
        manager.exec_stmt(copy).await?;
        manager
            .drop_table(Table::drop().table(Holiday::Table).to_owned())
            .await?;
        manager
            .rename_table(
                Table::rename()
                    .table(HolidayScoped::Table, Holiday::Table)
                    .to_owned(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(HolidayScoped::Table)
                    .col(date(Holiday::Day).primary_key())
                    .col(string_len(Holiday::Kind, 16))
                    .col(string(Holiday::Name))
                    .to_owned(),
            )
            .await?;
        let copy = Query::insert()
            .into_table(HolidayScoped::Table)
            .columns([Holiday::Day, Holiday::Kind, Holiday::Name])
            .select_from(
                Query::select()
                    .column(Holiday::Day)
                    .column(Holiday::Kind)
                    .column(Holiday::Name)
                    .from(Holiday::Table)
                    .and_where(Expr::col(Holiday::Scope).eq(""))
                    .to_owned(),
            )
            .map_err(|e| DbErr::Migration(e.to_string()))?
            .to_owned();
        manager.exec_stmt(copy).await?;
        manager
            .drop_table(Table::drop().table(Holiday::Table).to_owned())
            .await?;
        manager
            .rename_table(
                Table::rename()
                    .table(HolidayScoped::Table, Holiday::Table)
                    .to_owned(),
            )
            .await
    }
}
