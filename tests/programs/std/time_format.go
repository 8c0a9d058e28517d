// run

// The time package on fixed dates (never the clock): time.Date (with normalisation of
// out-of-range fields), UTC and FixedZone locations, LoadLocation of IANA zones across a
// DST change, Format with the standard layouts and custom ones (fractional seconds,
// 12-hour clock, zone names and offsets), Parse/ParseInLocation and their errors,
// Add/Sub/AddDate, Truncate/Round, Weekday, YearDay, ISOWeek, Unix conversions,
// comparisons, the zero Time, and JSON/text marshalling.
package main

import (
	"encoding/json"
	"fmt"
	"time"
)

func main() {
	t := time.Date(2024, time.February, 29, 13, 4, 5, 123456789, time.UTC)
	fmt.Println(t)
	layouts := []string{time.RFC3339, time.RFC3339Nano, time.RFC1123, time.RFC1123Z, time.RFC822, time.RFC850, time.ANSIC,
		time.UnixDate, time.Kitchen, time.Stamp, time.StampMilli, time.DateTime, time.DateOnly, time.TimeOnly,
		"2006-01-02 15:04:05.000 MST", "Mon Jan _2 3:4:5 PM '06", "02/01/2006 15h04 -0700 Z07:00", ".999999 .000000 ,9", "January Monday 002 __2"}
	for _, l := range layouts {
		fmt.Printf("%-36q %s\n", l, t.Format(l))
	}
	fmt.Println(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Weekday(), t.YearDay())
	y, w := t.ISOWeek()
	fmt.Println(y, w, t.Unix(), t.UnixMilli(), t.UnixNano(), time.Unix(0, 0).UTC(), time.UnixMilli(1700000000123).UTC())

	est := time.FixedZone("EST", -5*3600)
	te := t.In(est)
	fmt.Println(te, te.Location(), te.Equal(t), te == t)
	name, off := te.Zone()
	fmt.Println(name, off, te.Format(time.RFC3339), t.Local().Equal(t))
	odd := time.FixedZone("", 5*3600+30*60)
	fmt.Println(t.In(odd), t.In(odd).Format(time.RFC822Z))

	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		fmt.Println("LoadLocation:", err)
		return
	}
	before := time.Date(2024, 3, 10, 1, 59, 0, 0, ny)
	after := before.Add(2 * time.Minute)
	fmt.Println(before, "|", after, "|", after.Sub(before))
	fmt.Println(time.Date(2024, 3, 10, 2, 30, 0, 0, ny), time.Date(2024, 11, 3, 1, 30, 0, 0, ny))
	paris, _ := time.LoadLocation("Europe/Paris")
	fmt.Println(t.In(paris), time.Date(2024, 7, 1, 12, 0, 0, 0, paris).UTC())
	_, err = time.LoadLocation("Not/AZone")
	fmt.Println(err)

	fmt.Println(time.Date(2023, 13, 32, 25, 61, 61, 0, time.UTC))
	fmt.Println(time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC).AddDate(0, 1, 0), t.AddDate(1, 0, 0), t.AddDate(0, 0, -60))
	d := time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC).Sub(t)
	fmt.Println(d, d.Hours(), t.Add(-d), t.Add(36*time.Hour+90*time.Second))
	fmt.Println(t.Truncate(time.Hour), t.Round(time.Second), t.Round(time.Hour), t.Truncate(24*time.Hour))
	fmt.Println(t.Before(t.Add(1)), t.After(t), t.Compare(t.Add(-1)), t.Equal(t.In(est)))
	var zero time.Time
	fmt.Println(zero, zero.IsZero(), zero.Unix(), t.IsZero())
	fmt.Println(time.March, time.Saturday, time.Month(13), time.Weekday(8))

	for _, c := range [][2]string{
		{time.RFC3339, "2023-06-15T10:30:00+02:00"},
		{time.RFC3339, "2023-06-15T10:30:00.5Z"},
		{"2006-01-02", "2023-02-29"},
		{"2006-01-02 15:04", "2023-06-15 25:00"},
		{"Jan 2 2006", "Feb 3 2021"},
		{time.Kitchen, "3:04PM"},
		{"2006-01-02", "not a date"},
		{time.RFC1123, "Mon, 02 Jan 2006 15:04:05 MST"},
	} {
		p, err := time.Parse(c[0], c[1])
		fmt.Printf("Parse(%q) = %v, %v\n", c[1], p, err)
	}
	p, err := time.ParseInLocation("2006-01-02 15:04", "2024-07-04 09:00", ny)
	fmt.Println(p, err, p.UTC())

	b, _ := json.Marshal(t.In(est))
	fmt.Println(string(b))
	var back time.Time
	fmt.Println(json.Unmarshal(b, &back), back.Equal(t), back)
	txt, _ := t.MarshalText()
	fmt.Println(string(txt))
	fmt.Println(t.GoString())
}
