//! Timestamps of records: milliseconds since 1970 in the store, ISO 8601 in exports.

use std::time::{SystemTime, UNIX_EPOCH};

/// A moment as milliseconds since 1970-01-01 UTC (negative before).
pub fn unix_ms(moment: SystemTime) -> i64 {
    match moment.duration_since(UNIX_EPOCH) {
        Ok(after) => i64::try_from(after.as_millis()).unwrap_or(i64::MAX),
        Err(before) => i64::try_from(before.duration().as_millis()).map_or(i64::MIN, |ms| -ms),
    }
}

/// Now, as milliseconds since 1970-01-01 UTC.
pub fn now_ms() -> i64 {
    unix_ms(SystemTime::now())
}

/// A moment as an RFC 3339 / ISO 8601 timestamp in UTC, to the millisecond:
/// `2024-02-29T13:05:09.250Z`.
pub fn rfc3339(ms: i64) -> String {
    let days = ms.div_euclid(86_400_000);
    let in_day = ms.rem_euclid(86_400_000);
    let (year, month, day) = civil(days);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}.{:03}Z",
        in_day / 3_600_000,
        in_day / 60_000 % 60,
        in_day / 1000 % 60,
        in_day % 1000
    )
}

/// A moment to the minute in UTC, for people: `2024-02-29 13:05`.
pub fn minute(ms: i64) -> String {
    rfc3339(ms).get(..16).unwrap_or_default().replace('T', " ")
}

/// A length of time as an ISO 8601 duration, to the hundredth of a second as xAPI keeps it:
/// `PT1H2M3.45S`, `PT0S`.
pub fn iso_duration(ms: i64) -> String {
    let centis = ms.max(0) / 10;
    let hours = centis / 360_000;
    let minutes = centis / 6000 % 60;
    let seconds = centis / 100 % 60;
    let fraction = centis % 100;
    let mut text = String::from("PT");
    if hours > 0 {
        text.push_str(&format!("{hours}H"));
    }
    if minutes > 0 {
        text.push_str(&format!("{minutes}M"));
    }
    if fraction > 0 {
        let digits = format!("{fraction:02}");
        text.push_str(&format!("{seconds}.{}S", digits.trim_end_matches('0')));
    } else if seconds > 0 || text.len() == 2 {
        text.push_str(&format!("{seconds}S"));
    }
    text
}

/// The moment an RFC 3339 timestamp names, in milliseconds since 1970 (UTC): a date
/// (`2024-02-29`, midnight UTC) or a date and time with `Z` or an offset
/// (`2024-02-29T13:05:09.250+01:00`); `None` for anything else.
pub fn parse_rfc3339(text: &str) -> Option<i64> {
    let number = |part: &str| -> Option<i64> {
        (!part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse().ok())
            .flatten()
    };
    let date = text.get(..10)?;
    let (year, month, day) = (
        number(date.get(..4)?)?,
        number(date.get(5..7)?)?,
        number(date.get(8..10)?)?,
    );
    let valid_date = date.as_bytes()[4] == b'-'
        && date.as_bytes()[7] == b'-'
        && (1..=12).contains(&month)
        && (1..=31).contains(&day);
    if !valid_date {
        return None;
    }
    let days = days_from_civil(year, month, day);
    let rest = &text[10..];
    if rest.is_empty() {
        return Some(days * 86_400_000);
    }
    let rest = rest.strip_prefix(['T', 't', ' '])?;
    let (clock, offset_ms) = if let Some(clock) = rest.strip_suffix(['Z', 'z']) {
        (clock, 0)
    } else {
        let at = rest.rfind(['+', '-'])?;
        let (clock, offset) = rest.split_at(at);
        let sign = if offset.starts_with('-') { -1 } else { 1 };
        let hours = number(offset.get(1..3)?)?;
        let minutes = number(offset.get(4..6)?)?;
        if offset.len() != 6 || offset.as_bytes()[3] != b':' {
            return None;
        }
        (clock, sign * (hours * 3_600_000 + minutes * 60_000))
    };
    let (whole, fraction) = clock.split_once('.').unwrap_or((clock, ""));
    let mut parts = whole.split(':');
    let (hour, minute, second) = (
        number(parts.next()?)?,
        number(parts.next()?)?,
        number(parts.next()?)?,
    );
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 {
        return None;
    }
    let millis = if fraction.is_empty() {
        0
    } else {
        number(fraction)?;
        format!("{fraction:0<3}")[..3].parse::<i64>().ok()?
    };
    Some(
        days * 86_400_000 + hour * 3_600_000 + minute * 60_000 + second * 1000 + millis - offset_ms,
    )
}

/// The milliseconds an ISO 8601 duration of hours, minutes and seconds names (`PT1H2M3.45S`,
/// as [`iso_duration`] writes them); `None` for anything else.
pub fn parse_iso_duration(text: &str) -> Option<i64> {
    let mut rest = text.strip_prefix("PT")?;
    if rest.is_empty() {
        return None;
    }
    let mut ms = 0i64;
    for (unit, scale) in [('H', 3_600_000.0), ('M', 60_000.0), ('S', 1000.0)] {
        if let Some((amount, after)) = rest.split_once(unit) {
            let valid = !amount.is_empty()
                && amount.bytes().all(|b| b.is_ascii_digit() || b == b'.')
                && (unit == 'S' || !amount.contains('.'));
            if !valid {
                return None;
            }
            let value: f64 = amount.parse().ok()?;
            ms += (value * scale).round() as i64;
            rest = after;
        }
    }
    rest.is_empty().then_some(ms)
}

/// The day counted from 1970-01-01 of a date (Howard Hinnant's `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year.rem_euclid(400);
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date of a day counted from 1970-01-01 (Howard Hinnant's `civil_from_days`).
pub fn civil(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps_are_utc_iso_8601_to_the_millisecond() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00.000Z");
        assert_eq!(rfc3339(951_782_400_000), "2000-02-29T00:00:00.000Z");
        assert_eq!(rfc3339(1_709_211_909_250), "2024-02-29T13:05:09.250Z");
        assert_eq!(rfc3339(1_735_689_599_999), "2024-12-31T23:59:59.999Z");
        assert_eq!(rfc3339(-1), "1969-12-31T23:59:59.999Z");
    }

    #[test]
    fn durations_are_iso_8601_with_only_the_units_needed() {
        assert_eq!(iso_duration(0), "PT0S");
        assert_eq!(iso_duration(-5), "PT0S");
        assert_eq!(iso_duration(4_000), "PT4S");
        assert_eq!(iso_duration(4_500), "PT4.5S");
        assert_eq!(iso_duration(60_000), "PT1M");
        assert_eq!(iso_duration(3_723_450), "PT1H2M3.45S");
        assert_eq!(iso_duration(7_200_009), "PT2H");
    }

    #[test]
    fn timestamps_and_dates_read_back_as_the_moments_they_name() {
        for ms in [0, 951_782_400_000, 1_709_211_909_250, 1_735_689_599_999, -1] {
            assert_eq!(parse_rfc3339(&rfc3339(ms)), Some(ms));
        }
        assert_eq!(parse_rfc3339("2024-02-29"), Some(1_709_164_800_000));
        assert_eq!(
            parse_rfc3339("2024-02-29T14:05:09.25+01:00"),
            Some(1_709_211_909_250)
        );
        assert_eq!(
            parse_rfc3339("2024-02-29T13:05:09Z"),
            Some(1_709_211_909_000)
        );
        for bad in [
            "",
            "2024-13-01",
            "2024-02-29T25:00:00Z",
            "yesterday",
            "2024-02-29T13:05",
        ] {
            assert_eq!(parse_rfc3339(bad), None, "{bad}");
        }
    }

    #[test]
    fn durations_read_back_as_the_milliseconds_they_name() {
        for ms in [0, 4_000, 4_500, 60_000, 3_723_450, 7_200_000] {
            assert_eq!(parse_iso_duration(&iso_duration(ms)), Some(ms));
        }
        for bad in ["", "PT", "P1D", "PT1.5M", "PTxS", "4S"] {
            assert_eq!(parse_iso_duration(bad), None, "{bad}");
        }
    }

    #[test]
    fn moments_before_1970_are_negative_milliseconds() {
        let before = UNIX_EPOCH - std::time::Duration::from_millis(1500);
        assert_eq!(unix_ms(before), -1500);
        assert_eq!(
            unix_ms(UNIX_EPOCH + std::time::Duration::from_secs(2)),
            2000
        );
    }
}
