package main

import (
	"fmt"
	"io"

	"patoolkit/civil"
	"patoolkit/household"
	"patoolkit/money"
	"patoolkit/service"
)

func init() {
	registerIn(groupSetUp, "insurance", "employer's liability insurance: insurance add --insurer N --policy P --from DATE --to DATE [--premium AMOUNT] [--cover AMOUNT], insurance edit --policy P [...], insurance list [--json]", cmdInsurance)
}

func cmdInsurance(args []string, stdout io.Writer) error {
	sub, rest, err := moneySubcommand("insurance", args, stdout, "add", "edit", "list")
	if err != nil {
		return err
	}
	if sub == "list" {
		return insuranceList(rest, stdout)
	}
	return insuranceSave(sub == "add", rest, stdout)
}

// insuranceFlagNames are the flags of a policy's fields, by the field each
// fills (household.ValidateInsurance's field names).
var insuranceFlagNames = map[string]string{"insurer": "insurer", "policy_number": "policy", "cover": "cover",
	"start_date": "from", "renewal_date": "to", "premium": "premium", "notes": "notes"}

// insuranceSave adds a policy (add) or corrects the one called --policy.
func insuranceSave(add bool, args []string, stdout io.Writer) error {
	name := "insurance edit"
	if add {
		name = "insurance add"
	}
	fs, af := addAccountFlags(name, stdout)
	insurer := fs.String("insurer", "", "the insurer's `NAME`")
	policy := fs.String("policy", "", "the policy `NUMBER`")
	newPolicy := fs.String("new-policy", "", "for edit: a corrected policy `NUMBER`")
	cover := fs.String("cover", "", "the employer's liability cover (`AMOUNT`; £10,000,000 when a new policy leaves it out)")
	from := fs.String("from", "", "the `DATE` cover starts")
	to := fs.String("to", "", "the renewal `DATE`: the day the policy ends and must be renewed")
	premium := fs.String("premium", "", "what the policy cost (`AMOUNT`)")
	notes := fs.String("notes", "", "notes kept with the policy")
	return runBudget(fs, af, args, func() error {
		if add {
			return needed([2]string{"insurer", *insurer}, [2]string{"policy", *policy}, [2]string{"from", *from}, [2]string{"to", *to})
		}
		return needed([2]string{"policy", *policy})
	}, func(svc *service.Service, a household.Account) error {
		set := given(fs)
		policies, err := svc.Insurance(a.ID)
		if err != nil {
			return err
		}
		// A new policy starts as the window's does (household.NextPolicy).
		i := household.NextPolicy(a.ID, policies)
		if !add {
			found := false
			for _, p := range policies {
				if p.PolicyNumber == *policy {
					i, found = p, true
				}
			}
			if !found {
				return badInput("%s has no policy numbered %q: see them with patoolkit insurance list", a.Name, *policy)
			}
			if set["new-policy"] {
				i.PolicyNumber = *newPolicy
			}
		} else {
			i.PolicyNumber = *policy
		}
		for _, s := range []struct {
			flag string
			v    *string
			into *string
		}{{"insurer", insurer, &i.Insurer}, {"notes", notes, &i.Notes}} {
			if set[s.flag] {
				*s.into = *s.v
			}
		}
		for _, m := range []struct {
			flag, v string
			into    *money.Money
		}{{"cover", *cover, &i.Cover}, {"premium", *premium, &i.Premium}} {
			if err := moneyFlag(set, m.flag, m.v, m.into); err != nil {
				return err
			}
		}
		for _, d := range []struct {
			flag, v string
			into    *civil.Date
		}{{"from", *from, &i.StartDate}, {"to", *to, &i.RenewalDate}} {
			if err := dateFlag(set, d.flag, d.v, d.into); err != nil {
				return err
			}
		}
		if err := svc.CheckInsurance(i); err != nil {
			return byFlag(err, insuranceFlagNames)
		}
		saved, err := svc.SaveInsurance(i)
		if err != nil {
			return byFlag(err, insuranceFlagNames)
		}
		fmt.Fprintf(stdout, "Saved the policy %s with %s: %s cover from %s, renews %s.\n", saved.PolicyNumber, saved.Insurer,
			saved.Cover.Format(), saved.StartDate.UK(), saved.RenewalDate.UK())
		return nil
	})
}

// insuranceJSON is one policy as "insurance list --json" writes it.
type insuranceJSON struct {
	Insurer  string      `json:"insurer"`
	Policy   string      `json:"policy"`
	Cover    money.Money `json:"cover"`
	From     string      `json:"from"`
	To       string      `json:"to"`
	Premium  money.Money `json:"premium"`
	InForce  bool        `json:"in_force"`
	Notes    string      `json:"notes"`
	CoverEnd string      `json:"cover_until"`
}

func insuranceList(args []string, stdout io.Writer) error {
	fs, af := addAccountFlags("insurance list", stdout)
	on := fs.String("on", "", "the `DATE` to say which policy is in force on (default: today)")
	asJSON := fs.Bool("json", false, "write JSON")
	return runBudget(fs, af, args, func() error { return nil }, func(svc *service.Service, a household.Account) error {
		day, err := moneyDayFlag("--on", *on)
		if err != nil {
			return err
		}
		policies, err := svc.Insurance(a.ID)
		if err != nil {
			return err
		}
		cover, err := svc.InsuranceCover(a.ID, day)
		if err != nil {
			return err
		}
		if *asJSON {
			out := make([]insuranceJSON, len(policies))
			for i, p := range policies {
				inForce := cover.InForce && p.ID == cover.Policy.ID
				until := ""
				if inForce {
					until = cover.Until.String()
				}
				out[i] = insuranceJSON{p.Insurer, p.PolicyNumber, p.Cover, p.StartDate.String(), p.RenewalDate.String(), p.Premium, inForce, p.Notes, until}
			}
			return writeJSON(stdout, out)
		}
		if len(policies) == 0 {
			fmt.Fprintf(stdout, "%s has no employer's liability insurance recorded. By law an employer needs it: add it with patoolkit insurance add.\n", a.Name)
			return nil
		}
		for _, p := range policies {
			state := ""
			if cover.InForce && p.ID == cover.Policy.ID {
				state = fmt.Sprintf(" In force on %s; cover runs until %s.", day.UK(), cover.Until.UK())
			}
			fmt.Fprintf(stdout, "%s, policy %s: %s cover from %s, renews %s, premium %s.%s\n", p.Insurer, p.PolicyNumber, p.Cover.Format(),
				p.StartDate.UK(), p.RenewalDate.UK(), p.Premium.Format(), state)
		}
		if !cover.InForce {
			fmt.Fprintf(stdout, "No policy is in force on %s.\n", day.UK())
		}
		return nil
	})
}
