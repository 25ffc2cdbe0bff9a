package storage

import (
	"patoolkit/civil"
	"patoolkit/household"
)

const contractCols = `id, pa_id, effective_from, hours_type, contracted_minutes_week, day_rate_pence,
	waking_night_rate_pence, weekend_rate_pence, bank_holiday_rate_pence, sleep_in_pence, holiday_method,
	pension_scheme, pension_method, pension_basis, pension_employee_bp, pension_employer_bp, holiday_carry_minutes`

func scanContract(r rowScanner) (household.Contract, error) {
	var c household.Contract
	err := r.Scan(&c.ID, &c.PAID, dateScan{&c.EffectiveFrom}, &c.HoursType, &c.ContractedMinutesWeek, &c.DayRate,
		&c.WakingNightRate, &c.WeekendRate, &c.BankHolidayRate, &c.SleepInAllowance, &c.HolidayMethod,
		&c.PensionScheme, &c.PensionMethod, &c.PensionBasis, &c.PensionEmployeeBP, &c.PensionEmployerBP, &c.HolidayCarryMinutes)
	return c, err
}

// Contracts returns a PA's contracts, oldest first.
func (t *Tx) Contracts(paID int64) ([]household.Contract, error) {
	return queryAll(t, scanContract, "SELECT "+contractCols+" FROM contracts WHERE pa_id = ? ORDER BY effective_from", paID)
}

// Contract returns the contract with id.
func (t *Tx) Contract(id int64) (household.Contract, error) {
	c, err := scanContract(t.tx.QueryRow("SELECT "+contractCols+" FROM contracts WHERE id = ?", id))
	return c, notFound("contract", err)
}

func contractArgs(c household.Contract) []any {
	return []any{c.PAID, c.EffectiveFrom.String(), c.HoursType, c.ContractedMinutesWeek, c.DayRate,
		c.WakingNightRate, c.WeekendRate, c.BankHolidayRate, c.SleepInAllowance, c.HolidayMethod,
		c.PensionScheme, c.PensionMethod, c.PensionBasis, c.PensionEmployeeBP, c.PensionEmployerBP, c.HolidayCarryMinutes}
}

// InsertContract stores a new contract and sets its ID.
func (t *Tx) InsertContract(c *household.Contract) error {
	return t.insertID(&c.ID, `INSERT INTO contracts (pa_id, effective_from, hours_type, contracted_minutes_week,
		day_rate_pence, waking_night_rate_pence, weekend_rate_pence, bank_holiday_rate_pence, sleep_in_pence,
		holiday_method, pension_scheme, pension_method, pension_basis, pension_employee_bp, pension_employer_bp,
		holiday_carry_minutes)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, contractArgs(*c)...)
}

// UpdateContract stores changes to an existing contract.
func (t *Tx) UpdateContract(c household.Contract) error {
	return t.updateOne("contract", `UPDATE contracts SET pa_id = ?, effective_from = ?, hours_type = ?,
		contracted_minutes_week = ?, day_rate_pence = ?, waking_night_rate_pence = ?, weekend_rate_pence = ?,
		bank_holiday_rate_pence = ?, sleep_in_pence = ?, holiday_method = ?, pension_scheme = ?,
		pension_method = ?, pension_basis = ?, pension_employee_bp = ?, pension_employer_bp = ?,
		holiday_carry_minutes = ? WHERE id = ?`,
		append(contractArgs(c), c.ID)...)
}

// ContractDateTaken reports whether another contract (not id) of the PA
// starts on d.
func (t *Tx) ContractDateTaken(paID int64, d civil.Date, id int64) (bool, error) {
	var n int
	err := t.tx.QueryRow("SELECT count(*) FROM contracts WHERE pa_id = ? AND effective_from = ? AND id != ?", paID, d.String(), id).Scan(&n)
	return n > 0, err
}
