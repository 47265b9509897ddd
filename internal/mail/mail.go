// Package mail sends the durable e-mail queue (store.ClaimMail) through
// SMTP with go-mail: a Worker per `kompeten serve` claims due mails, sends
// each with the Message-ID it was queued with, and marks it sent, or backs
// off and tries again later. Several workers, of one node or of many
// sharing a PostgreSQL, never claim the same mail at once; a worker that
// dies between sending and marking leaves the mail to be claimed again
// after its lease, and it is sent again with the same Message-ID, so the
// receiving side sees one message, not two different ones.
package mail

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	gomail "github.com/wneessen/go-mail"
)

// TLS modes of the SMTP connection (--smtp-tls).
const (
	TLSNone     = "none"     // plain SMTP (a relay on the same host or network)
	TLSStartTLS = "starttls" // upgrade with STARTTLS, required
	TLSImplicit = "tls"      // TLS from the first byte (SMTPS, usually port 465)
)

// Config is how to reach the SMTP server.
type Config struct {
	Host     string // empty: nothing is sent (the queue is kept)
	Port     int
	Username string // empty: no authentication
	Password string
	From     string
	TLS      string // TLSNone, TLSStartTLS or TLSImplicit
	Timeout  time.Duration
}

// Message is one e-mail to send.
type Message struct {
	To, Subject, Body string
	MessageID         string // "<…@…>", kept for every retry
}

// Sender sends messages over one SMTP connection at a time.
type Sender struct {
	cfg Config
}

// NewSender checks cfg and returns a Sender for it.
func NewSender(cfg Config) (*Sender, error) {
	switch cfg.TLS {
	case TLSNone, TLSStartTLS, TLSImplicit:
	case "":
		cfg.TLS = TLSStartTLS
	default:
		return nil, fmt.Errorf("mail: TLS mode %q: want none, starttls or tls", cfg.TLS)
	}
	if cfg.From == "" {
		return nil, errors.New("mail: no sender address (--smtp-from)")
	}
	if cfg.Timeout == 0 {
		cfg.Timeout = 30 * time.Second
	}
	return &Sender{cfg: cfg}, nil
}

// client builds a go-mail client for the configuration.
func (s *Sender) client() (*gomail.Client, error) {
	opts := []gomail.Option{gomail.WithPort(s.cfg.Port), gomail.WithTimeout(s.cfg.Timeout)}
	switch s.cfg.TLS {
	case TLSNone:
		opts = append(opts, gomail.WithTLSPolicy(gomail.NoTLS))
	case TLSStartTLS:
		opts = append(opts, gomail.WithTLSPolicy(gomail.TLSMandatory))
	case TLSImplicit:
		opts = append(opts, gomail.WithSSL())
	}
	if s.cfg.Username != "" {
		opts = append(opts, gomail.WithSMTPAuth(gomail.SMTPAuthAutoDiscover), gomail.WithUsername(s.cfg.Username), gomail.WithPassword(s.cfg.Password))
	}
	return gomail.NewClient(s.cfg.Host, opts...)
}

// ErrNotAttempted is a message's error when ctx ended before its turn: it
// was not handed to the server, and no attempt is counted.
var ErrNotAttempted = errors.New("mail: not attempted")

// Send sends msgs over one connection and returns one error per message
// (nil: handed to the server). A failure to connect fails them all; once
// ctx ends, the messages not yet begun are not attempted (ErrNotAttempted).
func (s *Sender) Send(ctx context.Context, msgs []Message) []error {
	errs := make([]error, len(msgs))
	fail := func(err error) []error {
		for i := range errs {
			errs[i] = err
		}
		return errs
	}
	c, err := s.client()
	if err != nil {
		return fail(err)
	}
	conn, err := c.DialToSMTPClientWithContext(ctx)
	if err != nil {
		return fail(fmt.Errorf("mail: connect: %w", err))
	}
	defer c.CloseWithSMTPClient(conn)
	for i, m := range msgs {
		if ctx.Err() != nil {
			errs[i] = fmt.Errorf("%w: %w", ErrNotAttempted, context.Cause(ctx))
			continue
		}
		gm, err := s.build(m)
		if err == nil {
			err = c.SendWithSMTPClient(conn, gm)
		}
		errs[i] = err
	}
	return errs
}

// build makes the go-mail message: plain text, the stored Message-ID.
func (s *Sender) build(m Message) (*gomail.Msg, error) {
	gm := gomail.NewMsg()
	if err := gm.From(s.cfg.From); err != nil {
		return nil, permanent{err}
	}
	if err := gm.To(m.To); err != nil {
		return nil, permanent{err}
	}
	gm.Subject(m.Subject)
	gm.SetMessageIDWithValue(strings.Trim(m.MessageID, "<>"))
	gm.SetDate()
	gm.SetBodyString(gomail.TypeTextPlain, m.Body)
	return gm, nil
}

// permanent marks an error that no retry can mend (a malformed address).
type permanent struct{ error }

func (p permanent) Unwrap() error { return p.error }

// Permanent reports whether err will not go away on a retry: a malformed
// address, or the server's permanent refusal (5xx).
func Permanent(err error) bool {
	var p permanent
	if errors.As(err, &p) {
		return true
	}
	var se *gomail.SendError
	if errors.As(err, &se) {
		return !se.IsTemp() && se.ErrorCode() >= 500
	}
	return false
}

// backoff is the wait after the n-th failed attempt (n from 1); after the
// last, the mail is given up.
var backoff = []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 6 * time.Hour, 12 * time.Hour}

// MaxAttempts is how many times a mail is tried before it is given up
// (state gagal): about a day of retries.
var MaxAttempts = len(backoff) + 1

// Backoff returns how long to wait after attempt n (1 the first) failed,
// and false when there is no further attempt.
func Backoff(n int) (time.Duration, bool) {
	if n < 1 || n > len(backoff) {
		return 0, false
	}
	return backoff[n-1], true
}
