//! The screens and controls. One component per file; props say exactly what each needs.

pub mod camera_view;
pub mod list_status;
pub mod paste_form;
pub mod photo_input;
pub mod verdict_view;

/// "31 May 2029" for a Unix time (UTC), written out so no locale can make it ambiguous.
pub fn long_date(unix: i64) -> String {
    const MONTHS: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
    // Days to civil date (Howard Hinnant's algorithm), valid for all i64 days we meet.
    let z = unix.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{day} {} {year}", MONTHS[(month - 1) as usize])
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_dates() {
        assert_eq!(super::long_date(0), "1 January 1970");
        assert_eq!(super::long_date(1_874_923_200), "31 May 2029");
        assert_eq!(super::long_date(951_782_400), "29 February 2000");
    }
}
