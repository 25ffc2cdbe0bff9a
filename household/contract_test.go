package household

import (
	"testing"

	"patoolkit/civil"
)

func TestContractOn(t *testing.T) {
	d := civil.MustParse
	c := func(id int64, from string) Contract { return Contract{ID: id, EffectiveFrom: d(from)} }
	oldestFirst := []Contract{c(1, "2025-04-06"), c(2, "2026-04-01"), c(3, "2027-04-01")}
	newestFirst := []Contract{c(3, "2027-04-01"), c(2, "2026-04-01"), c(1, "2025-04-06")}
	tests := []struct {
		name      string
		contracts []Contract
		day       string
		want      int64 // 0: none
	}{
		{"none at all", nil, "2026-01-01", 0},
		{"before the first", oldestFirst, "2025-04-05", 0},
		{"on the first's day", oldestFirst, "2025-04-06", 1},
		{"the day before a change", oldestFirst, "2026-03-31", 1},
		{"the day of a change", oldestFirst, "2026-04-01", 2},
		{"after the last", oldestFirst, "2030-01-01", 3},
		{"newest first, the day of a change", newestFirst, "2026-04-01", 2},
		{"newest first, before a future change", newestFirst, "2027-03-31", 2},
		{"two from one day: the later in the list", []Contract{c(1, "2025-04-06"), c(2, "2025-04-06")}, "2025-05-01", 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := ContractOn(tt.contracts, d(tt.day))
			if tt.want == 0 {
				if ok {
					t.Errorf("ContractOn(%s) = %+v, want none", tt.day, got)
				}
				return
			}
			if !ok || got.ID != tt.want {
				t.Errorf("ContractOn(%s) = %d, %v; want %d", tt.day, got.ID, ok, tt.want)
			}
		})
	}
}
