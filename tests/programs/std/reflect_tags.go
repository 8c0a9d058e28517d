// run

// An everyday use of reflect and struct tags: a small validator and a key=value encoder
// that walk any struct (nested structs, pointers, slices, embedded fields), read
// `validate:"..."` and `kv:"name,omitempty"` tags, and report fields in declaration
// order; and a generic "set field by name from a string" helper using Kind switches.
package main

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

type Address struct {
	Street string `kv:"street" validate:"required"`
	Zip    string `kv:"zip" validate:"len=5"`
}

type Audit struct {
	CreatedBy string `kv:"created_by"`
}

type Account struct {
	Audit
	Name    string   `kv:"name" validate:"required"`
	Age     int      `kv:"age" validate:"min=18"`
	Email   string   `kv:"email,omitempty"`
	Score   float64  `kv:"score"`
	Admin   bool     `kv:"admin,omitempty"`
	Home    Address  `kv:"home"`
	Work    *Address `kv:"work,omitempty"`
	Aliases []string `kv:"aliases"`
	secret  string
	Skip    string `kv:"-"`
}

func validate(v reflect.Value, prefix string) []string {
	var errs []string
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f, fv := t.Field(i), v.Field(i)
		if !f.IsExported() {
			continue
		}
		name := prefix + f.Name
		if fv.Kind() == reflect.Struct {
			errs = append(errs, validate(fv, name+".")...)
			continue
		}
		if fv.Kind() == reflect.Pointer && !fv.IsNil() && fv.Elem().Kind() == reflect.Struct {
			errs = append(errs, validate(fv.Elem(), name+".")...)
			continue
		}
		for _, rule := range strings.Split(f.Tag.Get("validate"), ",") {
			key, arg, _ := strings.Cut(rule, "=")
			switch key {
			case "required":
				if fv.IsZero() {
					errs = append(errs, name+" is required")
				}
			case "min":
				n, _ := strconv.Atoi(arg)
				if fv.Int() < int64(n) {
					errs = append(errs, fmt.Sprintf("%s must be >= %d (got %d)", name, n, fv.Int()))
				}
			case "len":
				n, _ := strconv.Atoi(arg)
				if fv.Len() != n {
					errs = append(errs, fmt.Sprintf("%s must have length %d (got %q)", name, n, fv.String()))
				}
			}
		}
	}
	return errs
}

func encode(v reflect.Value, prefix string, out *[]string) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	t := v.Type()
	for i := 0; i < t.NumField(); i++ {
		f, fv := t.Field(i), v.Field(i)
		if !f.IsExported() {
			continue
		}
		if f.Anonymous {
			encode(fv, prefix, out)
			continue
		}
		tag := f.Tag.Get("kv")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		if opts == "omitempty" && fv.IsZero() {
			continue
		}
		switch fv.Kind() {
		case reflect.Struct, reflect.Pointer:
			encode(fv, prefix+name+".", out)
		case reflect.Slice:
			parts := make([]string, fv.Len())
			for j := range parts {
				parts[j] = fmt.Sprint(fv.Index(j).Interface())
			}
			*out = append(*out, prefix+name+"=["+strings.Join(parts, ",")+"]")
		default:
			*out = append(*out, fmt.Sprintf("%s%s=%v", prefix, name, fv.Interface()))
		}
	}
}

func setField(ptr any, field, value string) error {
	v := reflect.ValueOf(ptr).Elem()
	fv := v.FieldByName(field)
	if !fv.IsValid() {
		return fmt.Errorf("no field %q in %s", field, v.Type())
	}
	if !fv.CanSet() {
		return fmt.Errorf("field %q cannot be set", field)
	}
	switch fv.Kind() {
	case reflect.String:
		fv.SetString(value)
	case reflect.Int, reflect.Int64:
		n, err := strconv.ParseInt(value, 10, 64)
		if err != nil {
			return fmt.Errorf("field %q: %w", field, err)
		}
		fv.SetInt(n)
	case reflect.Float64:
		f, err := strconv.ParseFloat(value, 64)
		if err != nil {
			return err
		}
		fv.SetFloat(f)
	case reflect.Bool:
		b, err := strconv.ParseBool(value)
		if err != nil {
			return err
		}
		fv.SetBool(b)
	case reflect.Slice:
		fv.Set(reflect.ValueOf(strings.Split(value, ",")))
	default:
		return fmt.Errorf("field %q has unsupported kind %s", field, fv.Kind())
	}
	return nil
}

func main() {
	acc := Account{Name: "", Age: 16, Home: Address{"Main St 1", "123"}, Work: &Address{"", "54321"}, Aliases: []string{"a", "b"}, secret: "x", Skip: "s"}
	for _, e := range validate(reflect.ValueOf(acc), "") {
		fmt.Println("invalid:", e)
	}
	var kv []string
	encode(reflect.ValueOf(&acc), "", &kv)
	fmt.Println(strings.Join(kv, " "))

	for _, set := range [][2]string{{"Name", "Zed"}, {"Age", "42"}, {"Score", "9.75"}, {"Admin", "true"}, {"Aliases", "x,y,z"}, {"CreatedBy", "root"}, {"Age", "old"}, {"Nope", "1"}, {"secret", "y"}, {"Home", "z"}} {
		if err := setField(&acc, set[0], set[1]); err != nil {
			fmt.Println("set error:", err)
		}
	}
	acc.Work = nil
	kv = kv[:0]
	encode(reflect.ValueOf(acc), "", &kv)
	fmt.Println(strings.Join(kv, " "))
	fmt.Println(len(validate(reflect.ValueOf(acc), "")), "problems left")
}
