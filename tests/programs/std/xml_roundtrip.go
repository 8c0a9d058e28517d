// run

// encoding/xml: Marshal/MarshalIndent and Unmarshal of structs with XMLName, attributes
// (attr), chardata, innerxml, comments, omitempty, nested paths (a>b), slices of elements,
// pointers, namespaces, escaping of special characters, a custom MarshalXML, the token
// Decoder (StartElement/EndElement/CharData/Comment/ProcInst), xml.EscapeText, and
// syntax and unmarshal errors.
package main

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"os"
	"strings"
)

type Address struct {
	City    string `xml:"city"`
	Country string `xml:"country,attr"`
}

type Person struct {
	XMLName  xml.Name  `xml:"person"`
	ID       int       `xml:"id,attr"`
	Lang     string    `xml:"lang,attr,omitempty"`
	Name     string    `xml:"name"`
	Email    []string  `xml:"contact>email"`
	Phone    string    `xml:"contact>phone,omitempty"`
	Address  *Address  `xml:"address"`
	Nick     *string   `xml:"nick"`
	Note     string    `xml:",comment"`
	Bio      string    `xml:"bio"`
	Active   bool      `xml:"active"`
	Score    float64   `xml:"score"`
	Ignored  string    `xml:"-"`
	Children []Child   `xml:"children>child"`
}

type Child struct {
	Name string `xml:",chardata"`
	Age  int    `xml:"age,attr"`
}

type Celsius float64

func (c Celsius) MarshalXML(e *xml.Encoder, start xml.StartElement) error {
	return e.EncodeElement(fmt.Sprintf("%.1f°C", float64(c)), start)
}

type Reading struct {
	XMLName xml.Name `xml:"urn:weather reading"`
	Temp    Celsius  `xml:"temp"`
	Raw     struct {
		Inner string `xml:",innerxml"`
	} `xml:"raw"`
}

func main() {
	p := Person{
		ID: 7, Name: "Ann <& \"Lee\">", Email: []string{"a@x.org", "ann@y.com"},
		Address: &Address{"Oslo", "NO"}, Note: " created by test ", Bio: "line1\nline2\ttab",
		Active: true, Score: 9.5, Ignored: "nope",
		Children: []Child{{"Bo", 3}, {"Cy", 5}},
	}
	out, err := xml.MarshalIndent(p, "", "  ")
	fmt.Println(string(out), err)
	flat, _ := xml.Marshal(p)
	fmt.Println(xml.Header + string(flat))

	var back Person
	err = xml.Unmarshal(out, &back)
	fmt.Println(err, back.XMLName.Local, back.ID, back.Name, back.Email, *back.Address, back.Nick == nil, back.Note, back.Active, back.Score, back.Children)
	fmt.Printf("%q %q\n", back.Bio, back.Ignored)

	r := Reading{Temp: 21.55}
	r.Raw.Inner = "<b>kept <i>as is</i></b>"
	rb, _ := xml.Marshal(r)
	fmt.Println(string(rb))
	var rr struct {
		XMLName xml.Name
		Temp    string `xml:"temp"`
		Raw     struct {
			Inner string `xml:",innerxml"`
		} `xml:"raw"`
	}
	fmt.Println(xml.Unmarshal(rb, &rr), rr.XMLName.Space, rr.XMLName.Local, rr.Temp, rr.Raw.Inner)

	src := `<?xml version="1.0"?>
<!-- catalog -->
<catalog xmlns:d="urn:d"><book id="1" d:lang="en">Go &amp; You<![CDATA[ <raw> ]]></book><empty/></catalog>`
	d := xml.NewDecoder(strings.NewReader(src))
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			fmt.Println("token error:", err)
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			fmt.Printf("start %s (space %q)", t.Name.Local, t.Name.Space)
			for _, a := range t.Attr {
				fmt.Printf(" %s:%s=%q", a.Name.Space, a.Name.Local, a.Value)
			}
			fmt.Println()
		case xml.EndElement:
			fmt.Println("end", t.Name.Local)
		case xml.CharData:
			fmt.Printf("chardata %q\n", string(t))
		case xml.Comment:
			fmt.Printf("comment %q\n", string(t))
		case xml.ProcInst:
			fmt.Printf("procinst %s %q\n", t.Target, string(t.Inst))
		}
	}

	enc := xml.NewEncoder(os.Stdout)
	enc.Indent("", " ")
	enc.EncodeToken(xml.StartElement{Name: xml.Name{Local: "list"}, Attr: []xml.Attr{{Name: xml.Name{Local: "n"}, Value: "2"}}})
	enc.EncodeElement(42, xml.StartElement{Name: xml.Name{Local: "item"}})
	enc.EncodeElement([]string{"x", "y"}, xml.StartElement{Name: xml.Name{Local: "s"}})
	enc.EncodeToken(xml.EndElement{Name: xml.Name{Local: "list"}})
	enc.Flush()
	fmt.Println()
	var buf bytes.Buffer
	xml.EscapeText(&buf, []byte("a<b>&\"c'\n"))
	fmt.Println(buf.String())

	var bad Person
	fmt.Println(xml.Unmarshal([]byte("<person><name>x</person>"), &bad))
	fmt.Println(xml.Unmarshal([]byte("<person id=\"abc\"></person>"), &bad))
	fmt.Println(xml.Unmarshal([]byte("<other></other>"), &bad))
	fmt.Println(xml.Unmarshal([]byte(""), &bad))
	_, err = xml.Marshal(map[string]int{"a": 1})
	fmt.Println(err)
	_, err = xml.Marshal(make(chan int))
	fmt.Println(err)
}
