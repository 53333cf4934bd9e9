# Generated from templates/sammanstallning.md.j2 by `python -m vastbus_cli.render.markdown_build`: do not edit.
STAMP = "Jinja2 3.1.6, sha256 705a260273903993a3c045672d5c9dd96c47a40630ab087a4ca499882b7a6c47"
from jinja2.runtime import LoopContext, Macro, Markup, Namespace, TemplateNotFound, TemplateReference, TemplateRuntimeError, Undefined, escape, identity, internalcode, markup_join, missing, str_join
name = 'sammanstallning.md.j2'

def root(context, missing=missing):
    resolve = context.resolve_or_missing
    undefined = environment.undefined
    concat = environment.concat
    cond_expr_undefined = Undefined
    if 0: yield None
    l_0_s = resolve('s')
    l_0_common = resolve('common')
    l_0_T = resolve('T')
    l_0_parts = resolve('parts')
    try:
        t_1 = environment.filters['join']
    except KeyError:
        @internalcode
        def t_1(*unused):
            raise TemplateRuntimeError("No filter named 'join' found.")
    try:
        t_2 = environment.filters['length']
    except KeyError:
        @internalcode
        def t_2(*unused):
            raise TemplateRuntimeError("No filter named 'length' found.")
    try:
        t_3 = environment.filters['markdown']
    except KeyError:
        @internalcode
        def t_3(*unused):
            raise TemplateRuntimeError("No filter named 'markdown' found.")
    try:
        t_4 = environment.filters['num']
    except KeyError:
        @internalcode
        def t_4(*unused):
            raise TemplateRuntimeError("No filter named 'num' found.")
    pass
    yield '# '
    yield str(environment.finalize(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'title')))
    yield '\n\n'
    for (l_1_label, l_1_value) in context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'title_facts'), (undefined(name='s') if l_0_s is missing else l_0_s)):
        _loop_vars = {}
        pass
        yield '- '
        yield str(environment.finalize(l_1_label))
        yield ': '
        yield str(environment.finalize(l_1_value))
        yield '\n'
    l_1_label = l_1_value = missing
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'skipped'):
        pass
        yield '\n> **Obs!** '
        yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'skipped_sentence'), (undefined(name='s') if l_0_s is missing else l_0_s))))
        yield '\n'
    if environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'intro'):
        pass
        yield '\n## '
        yield str(environment.finalize(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'intro')))
        yield '\n\n'
        yield str(environment.finalize(t_3(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'intro'), 2)))
        yield '\n'
    l_1_loop = missing
    for (l_1_part, l_1_totals), l_1_loop in LoopContext((undefined(name='parts') if l_0_parts is missing else l_0_parts), undefined):
        l_1_first_part = l_1_base = l_1_heading = l_1_d = missing
        _loop_vars = {}
        pass
        l_1_first_part = environment.getattr(l_1_loop, 'first')
        _loop_vars['first_part'] = l_1_first_part
        l_1_base = (2 if ((t_2(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'parts')) > 1) or l_1_totals) else 1)
        _loop_vars['base'] = l_1_base
        l_1_heading = context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'part_heading'), (undefined(name='s') if l_0_s is missing else l_0_s), l_1_part, l_1_totals, _loop_vars=_loop_vars)
        _loop_vars['heading'] = l_1_heading
        if (undefined(name='heading') if l_1_heading is missing else l_1_heading):
            pass
            yield '\n## '
            yield str(environment.finalize((undefined(name='heading') if l_1_heading is missing else l_1_heading)))
            yield '\n'
        l_1_d = environment.getattr(l_1_part, 'deviations')
        _loop_vars['d'] = l_1_d
        l_2_loop = missing
        for l_2_key, l_2_loop in LoopContext(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'sections'), l_1_part, l_1_totals, ((undefined(name='first_part') if l_1_first_part is missing else l_1_first_part) and environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'conclusions')), _loop_vars=_loop_vars), undefined):
            l_2_h = resolve('h')
            l_2_table = resolve('table')
            l_2_tables = resolve('tables')
            l_2_side = resolve('side')
            l_2_subregions = resolve('subregions')
            l_2_c = resolve('c')
            _loop_vars = {}
            pass
            yield '\n'
            yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 1), _loop_vars=_loop_vars)))
            yield ' '
            yield str(environment.finalize(environment.getitem((undefined(name='T') if l_0_T is missing else l_0_T), l_2_key)))
            yield '\n\n'
            if (l_2_key == 'overview'):
                pass
                yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'Table'), ['Uppgift', 'Värde'], context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'overview_lines'), (undefined(name='s') if l_0_s is missing else l_0_s), l_1_part, l_1_totals, _loop_vars=_loop_vars), left=True, _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                yield '\n'
                if environment.getattr(l_1_part, 'missing'):
                    pass
                    yield '\n**Saknas:** '
                    yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'missing_sentence'), l_1_part, _loop_vars=_loop_vars)))
                    yield '\n'
                if environment.getattr(l_1_part, 'not_included'):
                    pass
                    yield '\n**Ej medtagna:** '
                    yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'not_included_sentence'), l_1_part, _loop_vars=_loop_vars)))
                    yield '\n'
            elif (l_2_key == 'subregions'):
                pass
                l_2_side = environment.getattr(l_1_part, 'subregions')
                _loop_vars['side'] = l_2_side
                yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='subregions') if l_2_subregions is missing else l_2_subregions), 'figures_table'), (undefined(name='side') if l_2_side is missing else l_2_side), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                yield '\n'
                if environment.getattr((undefined(name='side') if l_2_side is missing else l_2_side), 'categories'):
                    pass
                    yield '\n'
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' Avvikelser per kategori och delregion\n\n'
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='subregions') if l_2_subregions is missing else l_2_subregions), 'categories_table'), (undefined(name='side') if l_2_side is missing else l_2_side), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                    yield '\n'
                yield '\n'
                yield str(environment.finalize(context.call(environment.getattr((undefined(name='subregions') if l_2_subregions is missing else l_2_subregions), 'flagged_sentence'), (undefined(name='side') if l_2_side is missing else l_2_side), _loop_vars=_loop_vars)))
                yield '\n'
                for l_3_line in context.call(environment.getattr((undefined(name='subregions') if l_2_subregions is missing else l_2_subregions), 'flagged_items'), (undefined(name='side') if l_2_side is missing else l_2_side), _loop_vars=_loop_vars):
                    _loop_vars = {}
                    pass
                    yield '- '
                    yield str(environment.finalize(l_3_line))
                    yield '\n'
                l_3_line = missing
            elif (l_2_key == 'follow_up'):
                pass
                yield str(environment.finalize(t_1(context.eval_ctx, context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'follow_up_sentences'), l_1_part, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'year'), _loop_vars=_loop_vars), ' ')))
                yield '\n'
                if environment.getattr(l_1_part, 'follow_up'):
                    pass
                    yield '\n'
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'follow_up_table'), l_1_part, environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'year'), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                    yield '\n\n'
                    for l_3_f in environment.getattr(l_1_part, 'follow_up'):
                        _loop_vars = {}
                        pass
                        yield '- **'
                        yield str(environment.finalize(environment.getattr(l_3_f, 'group')))
                        yield ' – '
                        yield str(environment.finalize(environment.getattr(environment.getattr(l_3_f, 'category'), 'label')))
                        yield '.** '
                        yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'follow_up_detail'), l_3_f, environment.getattr(environment.getattr(l_1_part, 'comparison'), 'previous_year'), environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'year'), _loop_vars=_loop_vars)))
                        yield '\n'
                    l_3_f = missing
            elif (l_2_key == 'priorities'):
                pass
                yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                yield ' '
                yield str(environment.finalize(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'recurring')))
                yield '\n\n'
                yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'recurring_sentence'), (undefined(name='d') if l_1_d is missing else l_1_d), _loop_vars=_loop_vars)))
                yield '\n'
                if environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'recurring'):
                    pass
                    yield '\n'
                    for l_3_code in environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'recurring'):
                        _loop_vars = {}
                        pass
                        yield '- '
                        yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'recurring_item'), (undefined(name='d') if l_1_d is missing else l_1_d), l_3_code, _loop_vars=_loop_vars)))
                        yield '\n'
                    l_3_code = missing
                yield '\n'
                yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                yield ' '
                yield str(environment.finalize(environment.getattr((undefined(name='T') if l_0_T is missing else l_0_T), 'support_by_theme')))
                yield '\n\n'
                t_5 = 1
                for l_3_block in environment.getattr(l_1_part, 'support_by_theme'):
                    _loop_vars = {}
                    pass
                    yield '**'
                    yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'support_theme_lead'), l_3_block, _loop_vars=_loop_vars)))
                    yield '**\n\n'
                    for l_4_e in environment.getattr(l_3_block, 'entries'):
                        _loop_vars = {}
                        pass
                        yield '- **'
                        yield str(environment.finalize(environment.getattr(l_4_e, 'group')))
                        yield ':** '
                        yield str(environment.finalize(environment.getattr(l_4_e, 'text')))
                        yield '\n'
                    l_4_e = missing
                    yield '\n'
                    t_5 = 0
                l_3_block = missing
                if t_5:
                    pass
                    yield str(environment.finalize(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'NOTHING')))
                    yield '\n'
            elif (l_2_key == 'meetings'):
                pass
                yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'meetings_table'), l_1_part, _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                yield '\n'
            elif (l_2_key == 'composition'):
                pass
                yield str(environment.finalize(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'COMPOSITION_NOTE')))
                yield '\n\n'
                yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'composition_table'), l_1_part, _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                yield '\n\n'
                for l_3_gap in environment.getattr(environment.getattr(l_1_part, 'composition'), 'gaps'):
                    _loop_vars = {}
                    pass
                    yield '- '
                    yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'gap_sentence'), l_3_gap, _loop_vars=_loop_vars)))
                    yield '\n'
                l_3_gap = missing
            elif (l_2_key == 'work'):
                pass
                t_6 = 1
                for l_3_block in environment.getattr(l_1_part, 'work'):
                    _loop_vars = {}
                    pass
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' '
                    yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'theme_title'), (environment.getattr(environment.getattr(l_3_block, 'theme'), 'label') if environment.getattr(l_3_block, 'theme') else None), _loop_vars=_loop_vars)))
                    yield '\n\n'
                    for l_4_e in environment.getattr(l_3_block, 'entries'):
                        _loop_vars = {}
                        pass
                        yield '- **'
                        yield str(environment.finalize(environment.getattr(l_4_e, 'group')))
                        yield ':** '
                        yield str(environment.finalize(environment.getattr(l_4_e, 'title')))
                        yield ' – '
                        yield str(environment.finalize(environment.getattr(l_4_e, 'text')))
                        yield '\n'
                    l_4_e = missing
                    yield '\n'
                    t_6 = 0
                l_3_block = missing
                if t_6:
                    pass
                    yield str(environment.finalize(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'NOTHING')))
                    yield '\n'
            elif (l_2_key == 'deviations'):
                pass
                l_3_loop = missing
                for l_3_line, l_3_loop in LoopContext(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'deviation_lines'), (undefined(name='d') if l_1_d is missing else l_1_d), _loop_vars=_loop_vars), undefined):
                    _loop_vars = {}
                    pass
                    yield str(environment.finalize(l_3_line))
                    yield '\n'
                    if (not environment.getattr(l_3_loop, 'last')):
                        pass
                        yield '\n'
                l_3_loop = l_3_line = missing
                yield '\n'
                if environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'categories'):
                    pass
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' Per kategori och status\n\n'
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'category_table'), (undefined(name='d') if l_1_d is missing else l_1_d), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                    yield '\n\n'
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' Per grupp\n\n'
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'group_deviation_table'), (undefined(name='d') if l_1_d is missing else l_1_d), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                    yield '\n\n'
                if environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'raised'):
                    pass
                    yield '\n'
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' Lyfta till delregional nivå\n\n'
                    for l_3_e in environment.getattr((undefined(name='d') if l_1_d is missing else l_1_d), 'raised'):
                        _loop_vars = {}
                        pass
                        yield '- **'
                        yield str(environment.finalize(environment.getattr(l_3_e, 'group')))
                        yield '** – '
                        yield str(environment.finalize(environment.getattr(environment.getattr(l_3_e, 'category'), 'label')))
                        yield ' ('
                        yield str(environment.finalize(t_4(environment.getattr(l_3_e, 'count'))))
                        yield '): '
                        yield str(environment.finalize(environment.getattr(l_3_e, 'description')))
                        yield ' Åtgärd: '
                        yield str(environment.finalize(environment.getattr(l_3_e, 'action')))
                        yield '\n'
                    l_3_e = missing
            elif (l_2_key in ('development_areas', 'competence_needs')):
                pass
                t_7 = 1
                for l_3_block in environment.getitem(l_1_part, l_2_key):
                    _loop_vars = {}
                    pass
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' '
                    yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'theme_title'), (environment.getattr(environment.getattr(l_3_block, 'theme'), 'label') if environment.getattr(l_3_block, 'theme') else None), _loop_vars=_loop_vars)))
                    yield '\n\nNämns av: '
                    yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'names'), environment.getattr(l_3_block, 'groups'), _loop_vars=_loop_vars)))
                    yield '.\n\n'
                    for l_4_e in environment.getattr(l_3_block, 'entries'):
                        _loop_vars = {}
                        pass
                        yield '- **'
                        yield str(environment.finalize(environment.getattr(l_4_e, 'group')))
                        yield ':** '
                        yield str(environment.finalize(environment.getattr(l_4_e, 'text')))
                        yield '\n'
                    l_4_e = missing
                    yield '\n'
                    t_7 = 0
                l_3_block = missing
                if t_7:
                    pass
                    yield str(environment.finalize(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'NOTHING')))
                    yield '\n'
            elif (l_2_key == 'support'):
                pass
                for l_3_sub in ('good_examples', 'plans'):
                    _loop_vars = {}
                    pass
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' '
                    yield str(environment.finalize(environment.getitem((undefined(name='T') if l_0_T is missing else l_0_T), l_3_sub)))
                    yield '\n\n'
                    t_8 = 1
                    for l_4_e in environment.getitem(l_1_part, l_3_sub):
                        _loop_vars = {}
                        pass
                        yield '- **'
                        yield str(environment.finalize(environment.getattr(l_4_e, 'group')))
                        yield ':** '
                        if environment.getattr(l_4_e, 'title'):
                            pass
                            yield str(environment.finalize(environment.getattr(l_4_e, 'title')))
                            yield ' – '
                        yield str(environment.finalize(environment.getattr(l_4_e, 'text')))
                        yield '\n'
                        t_8 = 0
                    l_4_e = missing
                    if t_8:
                        pass
                        yield str(environment.finalize(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'NOTHING')))
                        yield '\n'
                    yield '\n'
                l_3_sub = missing
            elif (l_2_key == 'key_figures'):
                pass
                if environment.getattr(l_1_part, 'key_figures'):
                    pass
                    yield 'Summa, lägsta och högsta värde bland de grupper som redovisat nyckeltalet.\n\n'
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'key_figure_table'), l_1_part, _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                    yield '\n'
                else:
                    pass
                    yield str(environment.finalize(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'NOTHING')))
                    yield '\n'
            elif (l_2_key == 'comparison'):
                pass
                l_2_c = environment.getattr(l_1_part, 'comparison')
                _loop_vars['c'] = l_2_c
                yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'comparison_intro'), (undefined(name='c') if l_2_c is missing else l_2_c), _loop_vars=_loop_vars)))
                yield '\n\n'
                if environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'both'):
                    pass
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'change_table'), environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'figures'), 'Uppgift', environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'previous_year'), environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'year'), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                    yield '\n'
                    if environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'deviations'):
                        pass
                        yield '\n'
                        yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'change_table'), environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'deviations'), 'Avvikelsekategori', environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'previous_year'), environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'year'), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                        yield '\n'
                    if environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'key_figures'):
                        pass
                        yield '\n'
                        yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'key_figure_comparison_note'), (undefined(name='c') if l_2_c is missing else l_2_c), _loop_vars=_loop_vars)))
                        yield '\n\n'
                        yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'key_figure_change_table'), (undefined(name='c') if l_2_c is missing else l_2_c), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                        yield '\n'
                if environment.getattr((undefined(name='c') if l_2_c is missing else l_2_c), 'one_year_only'):
                    pass
                    yield '\n'
                    yield str(environment.finalize(context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'one_year_only_note'), (undefined(name='c') if l_2_c is missing else l_2_c), _loop_vars=_loop_vars)))
                    yield '\n\n'
                    yield str(environment.finalize(context.call((undefined(name='table') if l_2_table is missing else l_2_table), context.call(environment.getattr((undefined(name='tables') if l_2_tables is missing else l_2_tables), 'one_year_only_table'), (undefined(name='c') if l_2_c is missing else l_2_c), _loop_vars=_loop_vars), _loop_vars=_loop_vars)))
                    yield '\n'
                yield '\n'
                for (l_3_lead, l_3_items) in context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'comparison_lines'), (undefined(name='c') if l_2_c is missing else l_2_c), _loop_vars=_loop_vars):
                    _loop_vars = {}
                    pass
                    yield '- '
                    yield str(environment.finalize(l_3_lead))
                    yield ': '
                    yield str(environment.finalize((context.call(environment.getattr((undefined(name='common') if l_0_common is missing else l_0_common), 'names'), l_3_items, _loop_vars=_loop_vars) or 'inga')))
                    yield '.\n'
                l_3_lead = l_3_items = missing
            elif (l_2_key == 'conclusions'):
                pass
                yield str(environment.finalize(t_3(environment.getattr((undefined(name='s') if l_0_s is missing else l_0_s), 'conclusions'), ((undefined(name='base') if l_1_base is missing else l_1_base) + 1))))
                yield '\n'
            elif (l_2_key == 'appendix'):
                pass
                for l_3_r in environment.getattr(l_1_part, 'appendix'):
                    _loop_vars = {}
                    pass
                    yield str(environment.finalize(context.call((undefined(name='h') if l_2_h is missing else l_2_h), ((undefined(name='base') if l_1_base is missing else l_1_base) + 2), _loop_vars=_loop_vars)))
                    yield ' '
                    yield str(environment.finalize(environment.getattr(l_3_r, 'group')))
                    yield '\n\n'
                    for l_4_sec in environment.getattr(l_3_r, 'sections'):
                        _loop_vars = {}
                        pass
                        yield '**'
                        yield str(environment.finalize(environment.getattr(l_4_sec, 'title')))
                        yield '**\n\n'
                        for l_5_item in environment.getattr(l_4_sec, 'items'):
                            _loop_vars = {}
                            pass
                            yield '- '
                            yield str(environment.finalize(l_5_item))
                            yield '\n'
                        l_5_item = missing
                        yield '\n'
                    l_4_sec = missing
                l_3_r = missing
        l_2_loop = l_2_key = l_2_h = l_2_table = l_2_tables = l_2_side = l_2_subregions = l_2_c = missing
    l_1_loop = l_1_part = l_1_totals = l_1_first_part = l_1_base = l_1_heading = l_1_d = missing

blocks = {}
debug_info = '11=40&13=42&14=46&16=51&18=54&20=56&22=59&24=61&26=64&27=68&28=70&29=72&30=74&32=77&34=79&35=82&37=92&39=96&40=98&41=100&43=103&45=105&47=108&49=110&50=112&51=114&52=116&54=119&56=121&59=124&60=126&61=130&63=133&64=135&65=137&67=140&69=142&70=146&73=153&74=155&76=159&77=161&79=164&80=168&84=172&86=177&87=181&89=183&90=187&94=197&96=199&97=201&98=203&99=205&101=207&103=209&104=213&106=216&107=219&108=222&110=226&111=230&115=242&117=244&118=247&119=250&120=252&125=257&126=259&128=261&130=263&132=265&135=267&137=270&139=272&140=276&143=287&144=290&145=293&147=297&149=299&150=303&154=313&156=315&157=317&158=320&160=325&161=329&163=341&167=345&168=347&171=350&173=354&175=356&176=358&177=360&179=362&180=364&181=366&183=369&185=371&187=374&189=376&192=378&194=381&196=383&199=386&200=390&202=395&203=397&204=399&205=401&206=404&208=408&209=412&211=414&212=418'
