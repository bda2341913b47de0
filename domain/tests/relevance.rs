//! Search relevance on the demo catalogue: realistic queries typed the way citizens type on
//! phones (no diacritics, a typo, the start of a word) must find the intended procedure in the
//! top three results for at least 95% of them.

use std::time::Duration;

use domain::catalogue_index::{CatalogueIndex, CatalogueQuery};
use domain::testing::seeded_database;

/// (query, expected procedure code)
const CASES: &[(&str, &str)] = &[
    ("khai sinh", "1.001193"),
    ("dang ky khai sinh", "1.001193"),
    ("lam giay khai sinh cho con", "1.001193"),
    ("dang ky ket hon", "1.000894"),
    ("ket hon", "1.000894"),
    ("dang ky khai tu", "1.000656"),
    ("xac nhan tinh trang hon nhan", "1.004873"),
    ("tinh trang hon nhan", "1.004873"),
    ("trich luc ho tich", "2.000635"),
    ("ket hon voi nguoi nuoc ngoai", "2.000806"),
    ("nhan cha me con", "1.001022"),
    ("dang ky giam ho", "1.004837"),
    ("chung thuc ban sao", "2.000815"),
    ("chung thuc chu ky", "2.000884"),
    ("chung thuc di chuc", "2.001019"),
    ("dang ky thuong tru", "1.004222"),
    ("dang ky tam tru", "1.004194"),
    ("gia han tam tru", "1.002755"),
    ("tach ho", "1.010038"),
    ("xac nhan thong tin cu tru", "1.010041"),
    ("khai bao tam vang", "1.003677"),
    ("thong bao luu tru", "2.001159"),
    ("xoa dang ky thuong tru", "1.003197"),
    ("dang ky ho kinh doanh", "1.001612"),
    ("thanh lap ho kinh doanh", "1.001612"),
    ("cham dut hoat dong ho kinh doanh", "TN.HOKINHDOANH.002"),
    ("thanh lap cong ty co phan", "TN.DOANHNGHIEP.004"),
    (
        "cong ty trach nhiem huu han mot thanh vien",
        "TN.DOANHNGHIEP.002",
    ),
    ("doanh nghiep tu nhan", "TN.DOANHNGHIEP.001"),
    ("giai the doanh nghiep", "TN.DOANHNGHIEP.011"),
    ("thay doi dia chi tru so", "TN.DOANHNGHIEP.007"),
    ("giay phep xay dung nha o", "TN.XAYDUNG.001"),
    ("xin phep sua chua nha o", "TN.XAYDUNG.002"),
    ("chung chi hanh nghe xay dung", "TN.XAYDUNG.009"),
    (
        "cap giay chung nhan quyen su dung dat lan dau",
        "TN.DATDAI.001",
    ),
    ("chuyen muc dich su dung dat", "TN.DATDAI.002"),
    ("tach thua dat", "TN.DATDAI.005"),
    ("the chap quyen su dung dat", "TN.DATDAI.008"),
    ("hoa giai tranh chap dat dai", "TN.DATDAI.003"),
    ("ly lich tu phap", "TN.LLTP.001"),
    ("doi giay phep lai xe", "3.000347"),
    ("cap lai giay phep lai xe", "TN.DUONGBO.001"),
    ("giay phep lai xe quoc te", "TN.DUONGBO.002"),
    ("dang ky xe gan may", "TN.DUONGBO.004"),
    ("ban le ruou", "TN.CONGTHUONG.001"),
    ("giay phep ban le thuoc la", "TN.CONGTHUONG.002"),
    ("karaoke", "TN.VANHOA.003"),
    ("the huong dan vien du lich noi dia", "TN.DULICH.001"),
    ("chung chi hanh nghe duoc", "TN.DUOC.001"),
    ("giay phep lao dong nguoi nuoc ngoai", "TN.LAODONG.001"),
    ("tro cap that nghiep", "TN.LAODONG.005"),
    ("cong nhan ho ngheo", "TN.BTXH.006"),
    ("giay xac nhan khuyet tat", "TN.BTXH.004"),
    ("tro cap xa hoi hang thang", "TN.BTXH.001"),
    ("nhap quoc tich viet nam", "TN.QUOCTICH.001"),
    ("nuoi con nuoi trong nuoc", "2.001263"),
    ("an toan thuc pham dich vu an uong", "TN.ATTP.001"),
    ("giay phep hoat dong phong kham", "TN.KBCB.004"),
    ("dang ky tau ca", "TN.THUYSAN.002"),
    ("dang ky to chuc le hoi cap xa", "TN.VANHOA.002"),
    ("tro giup phap ly", "TN.TGPL.001"),
    // one typo per word
    ("khai snh", "1.001193"),
    ("dang ky ket hno", "1.000894"),
    ("giay phep xay dnug nha o", "TN.XAYDUNG.001"),
    ("ly lich tu phpa", "TN.LLTP.001"),
    ("dang ky thuongg tru", "1.004222"),
    ("dang ky tamm tru", "1.004194"),
    ("chung thuc ban sa", "2.000815"),
    // with diacritics, upper case, a code
    ("Đăng ký khai tử", "1.000656"),
    ("ĐỔI GIẤY PHÉP LÁI XE", "3.000347"),
    ("1.001193", "1.001193"),
];

#[tokio::test]
async fn common_queries_find_the_intended_procedure_in_the_top_three(
) -> Result<(), Box<dyn std::error::Error>> {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default();
    let db = seeded_database(today).await?;
    let snapshot = CatalogueIndex::new(Duration::from_secs(60))
        .snapshot(&db)
        .await?;
    let mut misses = Vec::new();
    for (query, expected) in CASES {
        let found = snapshot.find(&CatalogueQuery {
            q: (*query).into(),
            page: 1,
            per_page: 3,
            ..Default::default()
        });
        if !found.items.iter().any(|i| i.summary.code == *expected) {
            misses.push(format!(
                "{query:?} → expected {expected}, got {:?}",
                found
                    .items
                    .iter()
                    .map(|i| (&i.summary.code, &i.summary.name))
                    .collect::<Vec<_>>()
            ));
        }
    }
    let hit_rate = 1.0 - misses.len() as f64 / CASES.len() as f64;
    println!(
        "relevance: {}/{} queries found the expected procedure in the top 3 ({:.1}%)",
        CASES.len() - misses.len(),
        CASES.len(),
        hit_rate * 100.0
    );
    for miss in &misses {
        println!("  miss: {miss}");
    }
    assert!(CASES.len() >= 60);
    assert!(
        hit_rate >= 0.95,
        "hit rate {hit_rate:.3} below 0.95:\n{}",
        misses.join("\n")
    );
    Ok(())
}
