package payroll

import (
	"errors"
	"testing"

	"patoolkit/money"
)

func TestMileagePay(t *testing.T) {
	tests := []struct {
		name          string
		before, miles int64 // tenths of a mile
		want          money.Money
	}{
		{"nothing", 0, 0, 0},
		{"one mile", 0, 10, 45},
		{"a tenth rounds 4.5p up to 5p", 0, 1, 5},
		{"three tenths: 13.5p to 14p", 0, 3, 14},
		{"12.3 miles: 553.5p to 554p", 0, 123, 554},
		{"100 miles", 0, 1000, 4500},
		{"exactly 10,000 miles", 0, 100_000, 450_000},
		{"after 10,000 miles, 25p", 100_000, 10, 25},
		{"a tenth after 10,000: 2.5p to 3p", 100_000, 1, 3},
		{"across the 10,000 mark", 99_950, 100, 5*45 + 5*25},
		{"across the mark in tenths", 99_995, 10, (5*45 + 5*25 + 5) / 10},
		{"a whole year of 12,000 miles", 0, 120_000, 450_000 + 2000*25},
		{"long after the mark", 500_000, 1000, 2500},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := MileagePay(tt.before, tt.miles)
			if err != nil || got != tt.want {
				t.Errorf("MileagePay(%d, %d) = %s, %v; want %s", tt.before, tt.miles, got, err, tt.want)
			}
		})
	}
	for _, bad := range []struct {
		name          string
		before, miles int64
	}{
		{"negative miles", 0, -1}, {"negative before", -10, 10}, {"too many", 0, 1 << 62}, {"too many before", 1 << 62, 10},
	} {
		t.Run(bad.name, func(t *testing.T) {
			if _, err := MileagePay(bad.before, bad.miles); !errors.Is(err, ErrInvalid) {
				t.Errorf("error %v", err)
			}
		})
	}
}
