#include "index_text.h"

#include <stdio.h>
#include <string.h>

#include "core/i18n.h"

const char *const index_text_names[INDEX_TEXT_COUNT] = {"PAPI", "SIPAS", "PAR INDEX"};

const char *index_text_meaning(const char *index)
{
	if (!index)
		return "";
	if (!strcmp(index, "PAPI"))
		return _("PAPI, the Provincial Governance and Public Administration Performance Index, asks "
			 "citizens how well their province is governed: participation, transparency, "
			 "accountability, control of corruption, administrative procedures, public services, "
			 "environmental governance and e-governance.");
	if (!strcmp(index, "SIPAS"))
		return _("SIPAS, the Satisfaction Index of Public Administrative Services, measures how "
			 "satisfied people are with the service of state administrative agencies, in percent.");
	if (!strcmp(index, "PAR INDEX"))
		return _("PAR INDEX, the Public Administration Reform Index, scores how far each province has "
			 "carried out administrative reform, out of 100.");
	return "";
}

void index_text_score(double v, char *buf, size_t n)
{
	snprintf(buf, n, "%.2f", v);
	char *dot = strchr(buf, '.');
	if (dot) {
		size_t len = strlen(buf);
		while (len > 0 && buf[len - 1] == '0')
			buf[--len] = 0;
		if (len > 0 && buf[len - 1] == '.')
			buf[--len] = 0;
		if (i18n_get_lang() == I18N_VI && (dot = strchr(buf, '.')))
			*dot = ',';
	}
}

void index_text_score_of(const index_row *r, char *buf, size_t n)
{
	char s[32], m[32];
	index_text_score(r->score, s, sizeof s);
	if (r->max > 0) {
		index_text_score(r->max, m, sizeof m);
		snprintf(buf, n, "%s / %s", s, m);
	} else {
		snprintf(buf, n, "%s", s);
	}
}
