#!/usr/bin/perl
# SPDX-License-Identifier: GPL-3.0-or-later
# Reads one message with a Perl MIME library and prints, as JSON, what a
# program built on it sees: addresses (display name, address), subject, the
# text body, and every attachment's file name and bytes (in hex).
#   mime_readers.pl email-mime|mime-tools FILE
use strict;
use warnings;
use Encode qw(decode encode_utf8);
use JSON::PP;

my ($reader, $path) = @ARGV;
my $raw = do { local $/; open(my $f, '<:raw', $path) or die "$path: $!"; <$f> };
my %out;

# The attachment's bytes in hex; the caller hashes them.
sub sha { return unpack('H*', defined $_[0] ? $_[0] : '') }

if ($reader eq 'email-mime') {
    require Email::MIME;
    my $e = Email::MIME->new($raw);
    for my $name (qw(From To Cc Reply-To)) {
        my $h = $e->header_as_obj($name);
        next unless defined $h;
        my @list = map { [defined $_->phrase ? $_->phrase : '', $_->address] } $h->addresses;
        $out{lc $name} = \@list;
    }
    $out{subject} = $e->header_str('Subject');
    my @attachments;
    my $text;
    $e->walk_parts(sub {
        my ($p) = @_;
        return if $p->subparts && $p->content_type !~ m{^message/}i;
        my $cd = $p->header('Content-Disposition') // '';
        if ($cd =~ /^\s*attachment/i) {
            push @attachments, [$p->filename, sha($p->body)];
        } elsif (!defined $text && ($p->content_type // 'text/plain') =~ m{^text/plain}i) {
            $text = $p->body_str;
        }
    });
    $out{text} = $text;
    $out{attachments} = \@attachments;
} elsif ($reader eq 'mime-tools') {
    require MIME::Parser;
    require MIME::Words;
    require Mail::Address;
    my $words = sub {
        my ($v) = @_;
        return undef unless defined $v;
        $v =~ s/\r?\n$//;
        $v =~ s/\r?\n([ \t])/$1/g;
        return join '', map { defined $_->[1] ? decode($_->[1], $_->[0]) : decode('UTF-8', $_->[0]) }
            MIME::Words::decode_mimewords($v);
    };
    my $parser = MIME::Parser->new;
    $parser->output_to_core(1);
    $parser->extract_nested_messages(0);
    $parser->decode_headers(0);
    my $ent = $parser->parse_data($raw);
    my $head = $ent->head;
    for my $name (qw(From To Cc Reply-To)) {
        my $v = $head->get($name);
        next unless defined $v;
        $v =~ s/\r?\n([ \t])/$1/g;
        # Mail::Address parses the raw field; the phrase is then decoded.
        my @list = map {
            my $phrase = $_->phrase // '';
            $phrase =~ s/^"(.*)"$/$1/s and $phrase =~ s/\\(.)/$1/g;
            [$words->($phrase), $_->address]
        } Mail::Address->parse($v);
        $out{lc $name} = \@list;
    }
    $out{subject} = $words->($head->get('Subject'));
    my @attachments;
    my $text;
    my $walk;
    $walk = sub {
        my ($e) = @_;
        my @parts = $e->parts;
        if (@parts && $e->effective_type !~ m{^message/}i) {
            $walk->($_) for @parts;
            return;
        }
        my $body = $e->bodyhandle ? $e->bodyhandle->as_string : '';
        if (($e->head->get('Content-Disposition') // '') =~ /^\s*attachment/i) {
            my $name = $e->head->recommended_filename;
            $name = decode('UTF-8', $name) if defined $name && !utf8::is_utf8($name);
            push @attachments, [$name, sha($body)];
        } elsif (!defined $text && $e->effective_type eq 'text/plain') {
            $text = decode($e->head->mime_attr('content-type.charset') // 'us-ascii', $body);
        }
    };
    $walk->($ent);
    $out{text} = $text;
    $out{attachments} = \@attachments;
} else {
    die "unknown reader $reader\n";
}
print JSON::PP->new->utf8->canonical->encode(\%out);
